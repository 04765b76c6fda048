// 50 widgets on one page: the four kinds in turn.
const tags = ['parsec-budget-treemap', 'parsec-phase-gantt', 'parsec-facility-map', 'parsec-cooperant-chart'];
for (let i = 0; i < 50; i++) document.body.append(document.createElement(tags[i % tags.length]));
