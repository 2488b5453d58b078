import { createElement, lazy, Suspense, type ComponentProps, type ComponentType } from 'react';

/**
 * A page loaded on first visit, in its own chunk: the booth then never downloads the staff screens.
 * The modules export named components, React.lazy wants a default one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: the component keeps its own type
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

/**
 * A part shown inside an already displayed page (a call's documents, its end screen): it waits in its own
 * boundary so that loading it never blanks the page around it, the video of a call above all.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: the component keeps its own type
export function lazyPart<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K) {
  const Part = lazyPage(load, name);
  return function LazyPart(props: ComponentProps<M[K]>) {
    return <Suspense fallback={null}>{createElement(Part, props)}</Suspense>;
  };
}
