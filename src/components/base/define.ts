/**
 * Class decorator that defines a custom element once. A second copy of the bundle on the same page (two embeds, two
 * versions) does not throw: the first definition wins and the page keeps working.
 */
export function defineOnce(tag: string) {
  return (cls: CustomElementConstructor): void => {
    if (typeof customElements === 'undefined') return;
    const existing = customElements.get(tag);
    if (!existing) customElements.define(tag, cls);
    else if (existing !== cls)
      console.info(`parsec-widgets: <${tag}> is already defined by another copy; that one is used.`);
  };
}
