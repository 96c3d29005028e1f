import 'reflect-metadata';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import type { ComponentKind } from '../component/component-kind.ts';
import type { AnyFactory } from '../component/factory.ts';

/** Who registered a factory: `@jackwatch/…` for first-party, a plugin's package name otherwise. */
export interface FactoryRegistration {
  readonly factory: AnyFactory;
  readonly origin: string;
}

/** Raised when a type is registered twice or a name is not a valid type. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
}

const TYPE_NAME = /^[a-z][a-z0-9-]*$/;
const tokenOf = (kind: ComponentKind, type: string): string => `jackwatch:${kind}:${type}`;

/**
 * The component factories a pipeline can build from, held in a tsyringe
 * child container. Each registry is independent: two in one process share
 * nothing, so embedders and tests never see each other's plugins.
 *
 * @example
 * ```ts
 * const registry = new ComponentRegistry();
 * registry.register(stdoutSinkFactory);
 * registry.get('sink', 'stdout'); // the factory
 * ```
 */
export class ComponentRegistry {
  readonly container: DependencyContainer;
  readonly #types = new Map<ComponentKind, Map<string, string>>();

  constructor(parent: DependencyContainer = rootContainer) {
    this.container = parent.createChildContainer();
  }

  /** Registers a factory; throws {@link RegistryError} if its kind and type are taken. */
  register(factory: AnyFactory, origin = 'unknown'): void {
    if (!TYPE_NAME.test(factory.type)) {
      throw new RegistryError(`${origin}: "${factory.type}" is not a valid ${factory.kind} type (lowercase letters, digits and "-")`);
    }
    const byType = this.#types.get(factory.kind) ?? new Map<string, string>();
    const previous = byType.get(factory.type);
    if (previous !== undefined) {
      throw new RegistryError(`${origin}: ${factory.kind} type "${factory.type}" is already registered by ${previous}`);
    }
    byType.set(factory.type, origin);
    this.#types.set(factory.kind, byType);
    this.container.register<FactoryRegistration>(tokenOf(factory.kind, factory.type), { useValue: { factory, origin } });
  }

  /** The factory of `kind` and `type`, or `undefined`. */
  get(kind: ComponentKind, type: string): AnyFactory | undefined {
    const token = tokenOf(kind, type);
    return this.container.isRegistered(token) ? this.container.resolve<FactoryRegistration>(token).factory : undefined;
  }

  /** Every registration of `kind` (all kinds when omitted), sorted by type. */
  list(kind?: ComponentKind): FactoryRegistration[] {
    const kinds = kind ? [kind] : (['source', 'processor', 'detector', 'sink'] as const);
    return kinds.flatMap((k) =>
      [...(this.#types.get(k)?.keys() ?? [])].sort().map((type) => this.container.resolve<FactoryRegistration>(tokenOf(k, type))),
    );
  }

  /** Registered type names of `kind`, for "did you mean" suggestions. */
  types(kind: ComponentKind): string[] {
    return [...(this.#types.get(kind)?.keys() ?? [])].sort();
  }
}
