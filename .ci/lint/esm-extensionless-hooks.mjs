// Node module-resolution hook for @camunda/form-linting, which is published as ES modules
// with extension-less relative imports (it expects a bundler). Retries such imports with ".js".
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && relative && !/\.[cm]?js$/.test(specifier)) {
      return nextResolve(specifier + '.js', context);
    }
    throw error;
  }
}
