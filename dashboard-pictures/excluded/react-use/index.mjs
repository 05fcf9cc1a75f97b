// The hooks of react-use that @grafana/ui 13.2.3 imports, written for this module: react-use itself is
// under the Unlicense, outside the kit's licences. Same names, arguments and results as react-use's.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';

export function usePrevious(value) {
  const ref = useRef(undefined);
  useEffect(() => {
    ref.current = value;
  });
  return ref.current;
}

export function useEffectOnce(effect) {
  useEffect(effect, []);
}

export function useMountedState() {
  const mounted = useRef(false);
  const get = useCallback(() => mounted.current, []);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return get;
}

const EMPTY_RECT = { x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, bottom: 0, right: 0 };

export function useMeasure() {
  const [element, ref] = useState(null);
  const [rect, setRect] = useState(EMPTY_RECT);
  const observer = useMemo(
    () =>
      new window.ResizeObserver((entries) => {
        if (entries[0]) {
          const { x, y, width, height, top, left, bottom, right } = entries[0].contentRect;
          setRect({ x, y, width, height, top, left, bottom, right });
        }
      }),
    []
  );
  useLayoutEffect(() => {
    if (!element) return undefined;
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, observer]);
  return [ref, rect];
}

export function useMedia(query, defaultState = false) {
  const [state, setState] = useState(() => (typeof window === 'undefined' ? defaultState : window.matchMedia(query).matches));
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setState(list.matches);
    list.addEventListener('change', onChange);
    setState(list.matches);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return state;
}

export function useClickAway(ref, onClickAway, events = ['mousedown', 'touchstart']) {
  const saved = useRef(onClickAway);
  useEffect(() => {
    saved.current = onClickAway;
  }, [onClickAway]);
  useEffect(() => {
    const handler = (event) => {
      const el = ref.current;
      if (el && !el.contains(event.target)) saved.current(event);
    };
    events.forEach((e) => document.addEventListener(e, handler));
    return () => events.forEach((e) => document.removeEventListener(e, handler));
  }, [events, ref]);
}

export function useWindowSize(initialWidth = Infinity, initialHeight = Infinity) {
  const read = () =>
    typeof window === 'undefined' ? { width: initialWidth, height: initialHeight } : { width: window.innerWidth, height: window.innerHeight };
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

export function useToggle(initialValue) {
  const [value, setValue] = useState(initialValue);
  const toggle = useCallback((next) => setValue((current) => (typeof next === 'boolean' ? next : !current)), []);
  return [value, toggle];
}

export function useThrottleFn(fn, ms = 200, args) {
  const [state, setState] = useState(null);
  const timeout = useRef(undefined);
  const nextArgs = useRef(undefined);
  useEffect(() => {
    if (!timeout.current) {
      setState(fn(...args));
      const tick = () => {
        if (nextArgs.current) {
          setState(fn(...nextArgs.current));
          nextArgs.current = undefined;
          timeout.current = setTimeout(tick, ms);
        } else {
          timeout.current = undefined;
        }
      };
      timeout.current = setTimeout(tick, ms);
    } else {
      nextArgs.current = args;
    }
  }, args);
  useEffect(() => () => timeout.current && clearTimeout(timeout.current), []);
  return state;
}

export function useAsyncFn(fn, deps = [], initialState = { loading: false }) {
  const lastCall = useRef(0);
  const isMounted = useMountedState();
  const [state, set] = useState(initialState);
  const callback = useCallback((...args) => {
    const call = ++lastCall.current;
    if (!state.loading) set((prev) => ({ ...prev, loading: true }));
    return fn(...args).then(
      (value) => {
        if (isMounted() && call === lastCall.current) set({ value, loading: false });
        return value;
      },
      (error) => {
        if (isMounted() && call === lastCall.current) set({ error, loading: false });
        return error;
      }
    );
  }, deps);
  return [state, callback];
}

export function useAsync(fn, deps = []) {
  const [state, callback] = useAsyncFn(fn, deps, { loading: true });
  useEffect(() => {
    callback();
  }, [callback]);
  return state;
}
