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
const KINDS: readonly ComponentKind[] = ['source', 'processor', 'detector', 'sink'];
// One token per factory (for lookup) and one per kind, registered once per factory (for listing).
const tokenOf = (kind: ComponentKind, type: string): string => `jackwatch:${kind}:${type}`;
const kindToken = (kind: ComponentKind): string => `jackwatch:${kind}`;

/**
 * The component factories a pipeline can build from, held in a tsyringe
 * child container — the container is the only record of what is registered.
 * Each registry is independent: two in one process share nothing, so
 * embedders and tests never see each other's plugins.
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

  constructor(parent: DependencyContainer = rootContainer) {
    this.container = parent.createChildContainer();
  }

  /** Registers a factory; throws {@link RegistryError} if its kind and type are taken. */
  register(factory: AnyFactory, origin = 'unknown'): void {
    if (!TYPE_NAME.test(factory.type)) {
      throw new RegistryError(`${origin}: "${factory.type}" is not a valid ${factory.kind} type (lowercase letters, digits and "-")`);
    }
    const token = tokenOf(factory.kind, factory.type);
    if (this.container.isRegistered(token)) {
      const previous = this.container.resolve<FactoryRegistration>(token).origin;
      throw new RegistryError(`${origin}: ${factory.kind} type "${factory.type}" is already registered by ${previous}`);
    }
    const registration: FactoryRegistration = { factory, origin };
    this.container.register<FactoryRegistration>(token, { useValue: registration });
    this.container.register<FactoryRegistration>(kindToken(factory.kind), { useValue: registration });
  }

  /** The factory of `kind` and `type`, or `undefined`. */
  get(kind: ComponentKind, type: string): AnyFactory | undefined {
    const token = tokenOf(kind, type);
    return this.container.isRegistered(token) ? this.container.resolve<FactoryRegistration>(token).factory : undefined;
  }

  /** Every registration of `kind` (all kinds when omitted), sorted by type. */
  list(kind?: ComponentKind): FactoryRegistration[] {
    return (kind ? [kind] : KINDS).flatMap((k) => this.#registrations(k).sort((a, b) => (a.factory.type < b.factory.type ? -1 : 1)));
  }

  /** Registered type names of `kind`, for "did you mean" suggestions. */
  types(kind: ComponentKind): string[] {
    return this.list(kind).map((registration) => registration.factory.type);
  }

  #registrations(kind: ComponentKind): FactoryRegistration[] {
    const token = kindToken(kind);
    return this.container.isRegistered(token) ? this.container.resolveAll<FactoryRegistration>(token) : [];
  }
}
