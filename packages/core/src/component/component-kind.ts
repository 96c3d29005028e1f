/** The four kinds of pipeline component, after the OpenTelemetry Collector. */
export type ComponentKind = 'source' | 'processor' | 'detector' | 'sink';

/** How settled a component is, as in the collector. */
export type Stability = 'development' | 'alpha' | 'beta' | 'stable';
