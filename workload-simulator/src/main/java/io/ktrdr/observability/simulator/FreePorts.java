package io.ktrdr.observability.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for servers that other processes connect to, chosen below the kernel's
 * ephemeral port range. A port the kernel may hand out as a client's source port (what port 0
 * picks) is unsafe for a server that goes down for a while: a client reconnecting to it can be
 * given that very port as its own source port and connect to itself (TCP simultaneous open), and
 * then holds the port, so the server cannot bind it again.
 */
public final class FreePorts {

  /** Where Linux publishes its ephemeral range, e.g. {@code 32768	60999}. */
  public static final Path LINUX_EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  /** Lowest port chosen: above the well-known and most registered service ports. */
  static final int FLOOR = 10_000;
  /** Used where the ephemeral range cannot be read: below Linux's (32768) and IANA's (49152) ranges. */
  static final Range FALLBACK = new Range(20_000, 32_767);

  private static final int MAX_TRIES = 10_000;

  /** Ports {@code first} to {@code last}, both included. */
  public record Range(int first, int last) {
    public Range {
      if (first < 1 || last > 65_535 || first > last) {
        throw new IllegalArgumentException("port range must lie within 1-65535, first <= last: " + first + "-" + last);
      }
    }

    public int size() {
      return last - first + 1;
    }
  }

  private FreePorts() {}

  /**
   * Ports handed out by {@link #choose(int)} in this JVM: never handed out again, so that servers
   * started side by side (several stacks of one test run) cannot be given a port another chose and
   * has not bound yet, or leaves unbound on purpose (a target that is never started).
   */
  private static final Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * {@code count} distinct ports below the ephemeral range, each bindable on loopback now and none
   * handed out before in this JVM.
   */
  public static int[] choose(int count) {
    synchronized (HANDED_OUT) {
      int[] ports = choose(count, safeRange(), HANDED_OUT);
      for (int port : ports) {
        HANDED_OUT.add(port);
      }
      return ports;
    }
  }

  /** One port as {@link #choose(int)}. */
  public static int choose() {
    return choose(1)[0];
  }

  static int[] choose(int count, Range range) {
    return choose(count, range, Set.of());
  }

  private static int[] choose(int count, Range range, Set<Integer> avoid) {
    if (count < 1 || count > range.size()) {
      throw new IllegalArgumentException("count must be between 1 and " + range.size() + ": " + count);
    }
    Set<Integer> chosen = new LinkedHashSet<>();
    // A random start, so that runs in parallel rarely try the same ports.
    int offset = ThreadLocalRandom.current().nextInt(range.size());
    for (int i = 0; i < range.size() && i < MAX_TRIES && chosen.size() < count; i++) {
      int port = range.first() + (offset + i) % range.size();
      if (!avoid.contains(port) && bindable(port)) {
        chosen.add(port);
      }
    }
    if (chosen.size() < count) {
      throw new IllegalStateException("no " + count + " free loopback ports in " + range.first() + "-" + range.last()
          + " (found " + chosen.size() + ")");
    }
    return chosen.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The range ports are chosen from on this machine. */
  public static Range safeRange() {
    return safeRange(LINUX_EPHEMERAL_RANGE);
  }

  /**
   * Ports from {@value #FLOOR} up to just below the ephemeral range in {@code rangeFile}, or above
   * it where it starts too low to leave room; {@link #FALLBACK} where the file is missing or unreadable.
   */
  static Range safeRange(Path rangeFile) {
    Range ephemeral = ephemeralRange(rangeFile);
    if (ephemeral == null) {
      return FALLBACK;
    }
    if (ephemeral.first() - 1 - FLOOR >= 1_000) {
      return new Range(FLOOR, ephemeral.first() - 1);
    }
    if (65_535 - ephemeral.last() >= 1_000) {
      return new Range(ephemeral.last() + 1, 65_535);
    }
    throw new IllegalStateException("the ephemeral port range " + ephemeral.first() + "-" + ephemeral.last()
        + " in " + rangeFile + " leaves no room for servers");
  }

  private static Range ephemeralRange(Path rangeFile) {
    try {
      if (!Files.isReadable(rangeFile)) {
        return null;
      }
      // Read by lines: Files.readString trusts the size procfs reports and returns one byte.
      java.util.List<String> lines = Files.readAllLines(rangeFile);
      String[] bounds = lines.isEmpty() ? new String[0] : lines.get(0).trim().split("\\s+");
      return bounds.length == 2 ? new Range(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])) : null;
    } catch (IOException | IllegalArgumentException unreadable) {
      return null;
    }
  }

  /**
   * Bindable without SO_REUSEADDR, which Java's ServerSocket sets on Linux: a port where an earlier
   * server's connections are still in TIME_WAIT is refused too, as the simulator's hold on a
   * never-started target's port (bound without it) would be.
   */
  static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
