// Paste once in the parent page (or CMS template): iframes showing embed.html get the height their chart needs.
addEventListener('message', (e) => {
  if (e.data?.type !== 'parsec-embed-height') return;
  for (const f of document.querySelectorAll('iframe'))
    if (f.contentWindow === e.source) f.height = String(e.data.height);
});
