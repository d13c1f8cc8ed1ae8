// The observatory pages' markup (src/…/app/catalyse/observatoire.js), drawn from hostile and from
// ordinary answers, without a browser: what participants typed is escaped everywhere, late cells
// say so in words, and nothing English or raw reaches the page.   node --test .ci/
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {cohortMarkup, dialoguesMarkup, dossierMarkup, escapeHtml, html, indicatorsMarkup, listCount} from
  '../src/main/resources/META-INF/resources/webjars/camunda/app/catalyse/observatoire.js';

const HOSTILE = '<img src=x onerror=alert(1)>"\'`&';
const context = {
  to: {task: id => `/camunda/app/tasklist/default/#/?task=${id}`, instance: id => (id ? `#/process-instance/${id}/runtime` : null)},
  url: (path, params) => `/base${path}?${new URLSearchParams(params)}`
};

function territory(code, name = code) {
  return {code, name};
}

function cohort(overrides = {}) {
  return {
    id: 'c1', name: HOSTILE, statusLabel: HOSTILE, startDate: '2026-07-01', processInstanceId: 'pi',
    sessions: [{code: 'S1', title: HOSTILE, plannedDate: '2026-07-31', statusLabel: 'tenue', deliverable: HOSTILE}],
    rows: [
      {territory: territory('redon', 'Redon Agglomération'), participation: {statusLabel: 'sélectionné', catalysts: [{id: 'x', name: HOSTILE}]},
        cells: {S1: {state: 'ON_TIME', submittedAt: '2026-08-10'}, S2: {state: 'OVERDUE', daysLate: 12, dueAt: '2026-10-05', taskId: 't"1'},
          W: {state: 'NOT_APPLICABLE'}, S3: {state: 'EXPECTED', dueAt: '2027-01-18'}, S4: {state: 'SUBMITTED_LATE'}},
        supportMonthsDone: 3, supportMonthsPlanned: 9},
      {territory: territory('nantes', HOSTILE), participation: null, cells: {S1: {state: 'ON_TIME'}, S2: {state: 'ON_TIME'}}}
    ],
    foundation: {version: 1, statusLabel: HOSTILE, reviewsReceived: 2, reviewsExpected: 12},
    ...overrides
  };
}

function assertEscaped(markup) {
  assert.ok(!markup.includes('<img'), 'a participant\'s markup reached the page');
  assert.ok(!/onerror=alert\(1\)>"/.test(markup), 'an attribute could be closed by participant text');
  assert.ok(markup.includes('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&#96;&amp;'), 'the hostile text is shown, escaped');
}

function assertFrench(markup) {
  const text = markup.replace(/<[^>]*>/g, ' ');
  assert.doesNotMatch(text, /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\bOVERDUE\b|\bEXPECTED\b|undefined|\bnull\b|NaN|\[object Object\]|Invalid Date/);
}

test('escaping covers text, attributes and backquotes, and leaves the module\'s own markup alone', () => {
  assert.equal(escapeHtml(HOSTILE), '&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&#96;&amp;');
  assert.equal(html`<b title="${HOSTILE}">${html`<i>${HOSTILE}</i>`}</b>`.text,
    '<b title="&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&#96;&amp;"><i>&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&#96;&amp;</i></b>');
});

test('the cohort grid escapes every value and says late in words, with the task to open', () => {
  const markup = cohortMarkup(cohort(), context).text;
  assertEscaped(markup);
  assertFrench(markup);
  assert.match(markup, /data-session="S2" data-state="OVERDUE"/);
  assert.match(markup, /en retard de 12 jours/);
  assert.match(markup, /href="\/camunda\/app\/tasklist\/default\/#\/\?task=t&quot;1"/);
  assert.match(markup, /1 territoire en retard sur S2 :\s*<strong>Redon Agglomération<\/strong>/);
  for (const label of ['déposé à temps', 'déposé en retard', 'sans objet', 'attendu', '3 / 9 mois', 'Exporter CSV', 'Exporter XLSX']) {
    assert.ok(markup.includes(label), `« ${label} » absent`);
  }
  assert.match(markup, /\/base\/cohortes\/c1\?format=csv/);
  assert.match(markup, /<th scope="row">/);
  assert.match(markup, /<caption>/);
});

test('a cohort with nothing late says so, and a cohort without rows says it is empty', () => {
  const onTime = cohortMarkup(cohort({rows: [cohort().rows[1]]}), context).text;
  assert.match(onTime, /Aucun livrable en retard/);
  assert.doesNotMatch(onTime, /cat-row-late/);
  assert.match(cohortMarkup(cohort({rows: []}), context).text, /Aucun territoire dans cette cohorte/);
});

test('dialogues past month 36 and late reviews stand out; catalysts get no Cockpit link', () => {
  const tasklist = {...context, to: {...context.to, instance: () => null}};
  const markup = dialoguesMarkup([{territory: territory('figeac', HOSTILE), subject: HOSTILE, statusLabel: 'en cours', monthReached: 38,
    monthsPlanned: 48, extended: true, nextReview: {name: HOSTILE, dueAt: '2026-11-10', taskId: 'r2'}, lateReviews: 2, processInstanceId: 'pi'}], tasklist).text;
  assertEscaped(markup);
  assertFrench(markup);
  assert.match(markup, /au-delà du mois 36/);
  assert.match(markup, /prolongé/);
  assert.match(markup, /mois 38 sur 48/);
  assert.doesNotMatch(markup, /process-instance/);
});

test('each indicator carries its definition and is drawn as SVG built here', () => {
  const markup = indicatorsMarkup({indicators: [
    {id: 'deliverables-on-time', title: HOSTILE, definition: HOSTILE, chart: 'grid', unit: '%', columns: ['S1', HOSTILE], rows: [{label: HOSTILE, values: [100, 0]}]},
    {id: 'matches', title: 'Mises en relation', definition: 'Proposées et acceptées.', chart: 'bars', bars: [{label: HOSTILE, value: 3}]},
    {id: 'closed-with-evaluation', title: 'Clos évalués', definition: 'Part des clos évalués.', chart: 'ratio', numerator: 3, denominator: 4}
  ]}).text;
  assertEscaped(markup);
  assertFrench(markup);
  assert.equal(markup.match(/<svg /g).length, 3);
  assert.match(markup, /75 %/);
  assert.match(markup, /3 sur 4/);
  assert.match(markup, /class="cat-info"[^>]*title="&lt;img/);
  assert.doesNotMatch(markup, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'nothing is fetched from elsewhere');
});

test('the dossier shows every part of the business record, escaped', () => {
  const markup = dossierMarkup({name: HOSTILE, territory: territory('nantes', 'Nantes Métropole'), kindLabel: HOSTILE, stageLabel: 'accompagnement',
    startedAt: '2026-06-01', objectives: [HOSTILE, 'cohésion'], fragilities: HOSTILE, summary: HOSTILE,
    partners: [{organisation: 'Solidarités Nantes', statusLabel: 'engagé', needs: HOSTILE, contribution: HOSTILE}],
    matches: [{organisation: HOSTILE, round: 1, statusLabel: 'acceptée', rationale: HOSTILE}],
    experiment: {version: 1, solutions: HOSTILE, valueChain: HOSTILE, economicModel: HOSTILE, governance: HOSTILE, budget: 48000, durationMonths: 9,
      funding: {decision: 'accordé', amount: 30000, comment: HOSTILE},
      indicators: [{name: HOSTILE, unit: 'personnes', target: 120, collector: HOSTILE, measurements: [{value: 12, organisation: HOSTILE, enteredAt: '2026-10-10'}]}],
      signatures: [{signatory: HOSTILE, signerName: HOSTILE, signedAt: '2026-08-20'}]},
    assessments: [{round: 1, organisation: HOSTILE, impactAxes: [HOSTILE], comment: HOSTILE}],
    evaluations: [{round: 1, label: 'poursuivi', synthesis: HOSTILE}],
    journal: [{kindLabel: 'réunion', occurredOn: '2026-06-15', organisation: HOSTILE, content: HOSTILE, outcome: HOSTILE}]}).text;
  assertEscaped(markup);
  assertFrench(markup);
  for (const part of ['Partenaires', 'Mises en relation', 'Expérimentation', 'Solutions', 'Chaîne de valeur', 'Modèle économique', 'Gouvernance',
    'Indicateurs et mesures', 'Signatures de la convention', 'Évaluations des partenaires', 'Décision', 'Journal', 'Solidarités Nantes', 'poursuivi']) {
    assert.ok(markup.includes(part), `« ${part} » absent`);
  }
  assert.match(markup, /48\u202f000\s€|48 000 €/);
});

test('a chart of many territories draws those that need attention first, and keeps every figure in its table', () => {
  const rows = Array.from({length: 500}, (_, index) => ({label: `Territoire ${index}`, values: [index % 100, null]}));
  const indicator = {id: 'deliverables-on-time', title: 'Livrables déposés à temps', definition: 'Part à temps.', chart: 'grid', columns: ['S1', 'S2'], rows};
  const markup = indicatorsMarkup({indicators: [indicator]}).text;
  const drawn = markup.slice(markup.indexOf('<svg'), markup.indexOf('</svg>'));
  assert.equal((drawn.match(/<rect /g) || []).length, 30 * 2);
  assert.ok(drawn.includes('>Territoire 0<'), 'the lowest share is drawn');
  assert.ok(!drawn.includes('>Territoire 99<'), 'a full share is left to the table');
  assert.match(markup, /30 lignes sur 500 : les plus bas/);
  assert.equal((markup.match(/<tr><th scope="row">Territoire /g) || []).length, 500);
  const bars = {id: 'overdue-tasks-by-territory', title: 'Tâches en retard', definition: 'Par territoire.', chart: 'bars',
    bars: Array.from({length: 100}, (_, index) => ({label: `T${index}`, value: index}))};
  const barMarkup = indicatorsMarkup({indicators: [bars]}).text;
  assert.ok(barMarkup.includes('>T99<') && !barMarkup.slice(0, barMarkup.indexOf('</svg>')).includes('>T0<'), 'the most overdue are drawn');
});

test('no deliverable on time is drawn red, counts agree with their number, and an empty ratio says so', () => {
  const markup = indicatorsMarkup({indicators: [
    {id: 'deliverables-on-time', title: 'Livrables déposés à temps', definition: 'Part à temps.', chart: 'grid', unit: '%',
      columns: ['S1'], rows: [{label: 'Redon Agglomération', values: [0]}]},
    {id: 'overdue-tasks-by-role', title: 'Tâches en retard par rôle', definition: 'Par rôle.', chart: 'bars', unit: 'tâches',
      bars: [{label: 'Catalyseurs', value: 1}, {label: 'Financeurs', value: 3}]},
    {id: 'closed-with-evaluation', title: 'Clos évalués', definition: 'Part des clos évalués.', chart: 'ratio', numerator: 0, denominator: 0, value: null}
  ]}).text;
  assert.match(markup, /fill="hsl\(4, 60%, 45%\)"/);
  assert.match(markup, />1 tâche</);
  assert.match(markup, />3 tâches</);
  assert.match(markup, /rien à compter pour l’instant/);
  assert.doesNotMatch(markup, /0 sur 0/);
});

test('the socle commun column says each binôme\'s review in words, with the open review task to follow', () => {
  const rows = [
    {...cohort().rows[0], review: {state: 'EXPECTED', label: 'avis attendu', taskId: 'r"1'}},
    {...cohort().rows[1], review: {state: 'GIVEN', label: 'avis donné : avec réserves', opinion: 'reserves', reviewedAt: '2027-03-02T09:00:00Z'}}
  ];
  const markup = cohortMarkup(cohort({rows}), context).text;
  assertEscaped(markup);
  assertFrench(markup);
  assert.match(markup, /data-review data-state="EXPECTED"><a href="\/camunda\/app\/tasklist\/default\/#\/\?task=r&quot;1"/);
  assert.match(markup, /avis donné : avec réserves<\/span><span class="cat-cell-detail">le /);
  assert.match(markup, /<th scope="col" title="[^"]*">Socle commun<\/th>/);
});

test('the partnership list says which rows of how many a page shows, and that the export has them all', () => {
  assert.equal(listCount({total: 3, page: 1, pages: 1, pageSize: 200, items: [{}, {}, {}]}), '3 partenariats.');
  assert.equal(listCount({total: 0, page: 1, pages: 1, pageSize: 200, items: []}), 'Aucun partenariat ne correspond à ces filtres.');
  const second = listCount({total: 10000, page: 2, pages: 50, pageSize: 200, items: new Array(200).fill({})});
  assert.match(second, /^Partenariats 201 à 400 sur 10\s000 \(page 2 sur 50\) ; l’export donne la liste entière\.$/);
});
