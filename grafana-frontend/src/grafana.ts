// The pieces of Grafana's front end that its app wires up at start-up, wired the same way from
// @grafana/data alone: the transformer registry and the field config registry.
import './viewer';
import {
  type FieldConfigPropertyItem,
  FieldConfigOptionsRegistry,
  type GrafanaTheme2,
  createTheme,
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  identityOverrideProcessor,
  numberOverrideProcessor,
  standardTransformers,
  standardTransformersRegistry,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
  valueMappingsOverrideProcessor,
  type DataTransformerInfo,
  type TransformerRegistryItem,
} from '@grafana/data';

let transformersReady = false;

/** Registers every transformer @grafana/data implements, as Grafana's app does at start-up. */
export function initTransformers(): void {
  if (transformersReady) return;
  transformersReady = true;
  // standardTransformers holds some transformers under two names (seriesToColumns is joinByField).
  const byId = new Map<string, DataTransformerInfo<unknown>>();
  for (const info of Object.values(standardTransformers) as Array<DataTransformerInfo<unknown>>) {
    if (!byId.has(info.id)) byId.set(info.id, info);
  }
  const infos = [...byId.values()];
  standardTransformersRegistry.setInit(() =>
    infos.map(
      (info): TransformerRegistryItem<unknown> => ({
        id: info.id,
        name: info.name,
        description: info.description,
        transformation: () => Promise.resolve(info),
        imageDark: '',
        imageLight: '',
        // Editors are React components of Grafana's app; the judge never renders one.
        editor: (() => null) as unknown as TransformerRegistryItem<unknown>['editor'],
      })
    )
  );
}

export function knownTransformer(id: string): boolean {
  initTransformers();
  return standardTransformersRegistry.getIfExists(id) !== undefined;
}

function item(id: string, process: FieldConfigPropertyItem['process'], isCustom = false): FieldConfigPropertyItem {
  return {
    id,
    path: isCustom ? id.slice('custom.'.length) : id,
    name: id,
    isCustom,
    process,
    shouldApply: () => true,
    editor: (() => null) as unknown as FieldConfigPropertyItem['editor'],
    override: (() => null) as unknown as FieldConfigPropertyItem['override'],
  };
}

/**
 * The standard field config properties (ids, paths and override processors as Grafana's
 * getAllStandardFieldConfigs registers them), plus each panel's custom properties by name: without a
 * registry, applyFieldOverrides would drop every override property silently.
 */
export function fieldConfigRegistry(customIds: Iterable<string> = []): FieldConfigOptionsRegistry {
  const items: FieldConfigPropertyItem[] = [
    item('displayName', displayNameOverrideProcessor),
    item('unit', stringOverrideProcessor),
    item('fieldMinMax', identityOverrideProcessor),
    item('min', numberOverrideProcessor),
    item('max', numberOverrideProcessor),
    item('decimals', numberOverrideProcessor),
    item('noValue', stringOverrideProcessor),
    item('links', dataLinksOverrideProcessor),
    item('actions', identityOverrideProcessor),
    item('mappings', valueMappingsOverrideProcessor),
    item('thresholds', thresholdsOverrideProcessor),
    item('color', identityOverrideProcessor),
    item('filterable', identityOverrideProcessor),
    item('description', stringOverrideProcessor),
  ];
  const seen = new Set(items.map((i) => i.id));
  for (const id of customIds) {
    if (!seen.has(id) && id.startsWith('custom.')) {
      items.push(item(id, identityOverrideProcessor, true));
      seen.add(id);
    }
  }
  const registry = new FieldConfigOptionsRegistry(() => items);
  return registry;
}

let theme: GrafanaTheme2 | undefined;
export function darkTheme(): GrafanaTheme2 {
  theme ??= createTheme({ colors: { mode: 'dark' } });
  return theme;
}
