// ol (BSD-2-Clause) is not installed because it brings geotiff's dependencies under CC0-1.0, Zlib and
// BlueOak-1.0.0. @grafana/data refers to it only in its geo type declarations, so the judge never loads it;
// if it ever does, it fails here instead of guessing.
throw new Error('ol is not installed (its dependencies are under CC0-1.0, Zlib, BlueOak-1.0.0); the code path that needs it is outside what the judge runs');
