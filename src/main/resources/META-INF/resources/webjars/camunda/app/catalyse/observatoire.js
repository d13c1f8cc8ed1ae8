// The programme observatory's pages, drawn in the browser from the observatory's Cockpit plugin
// resource: Cockpit's « Programme » page and « Dossier » tab (cockpit/scripts/observatoire.js) and
// Tasklist's « Observatoire » page for catalysts and the steering committee
// (tasklist/scripts/observatoire.js). Both webapps share the /camunda session, so both call the
// same base URL; the server decides which territories the caller sees.
//
// Plain ES module, no build step: `mvn spring-boot:run` needs nothing but Java and Maven.
// Everything a participant typed is untrusted: every value goes through html`…`, which escapes
// whatever it interpolates unless it is markup this module built itself.

const PLUGIN = 'catalyse-observatoire';
const TASKLIST = '/camunda/app/tasklist/default/';
const COCKPIT = '/camunda/app/cockpit/default/';
const DOCUMENTS = '/camunda/api/catalyse/documents/';
const SESSIONS = ['S1', 'S2', 'W', 'S3', 'S4'];

// ---------------------------------------------------------------------------------------------
// Markup that escapes by default

class Markup {
  constructor(text) {
    this.text = text;
  }

  toString() {
    return this.text;
  }
}

const ESCAPES = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;'};

export function escapeHtml(value) {
  return String(value).replace(/[&<>"'`]/g, character => ESCAPES[character]);
}

function piece(value) {
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

export function html(strings, ...values) {
  return new Markup(strings.reduce((out, text, index) => out + text + (index < values.length ? piece(values[index]) : ''), ''));
}

// ---------------------------------------------------------------------------------------------
// French formats

const DAY = new Intl.DateTimeFormat('fr-FR', {day: 'numeric', month: 'long', year: 'numeric'});
const SHORT_DAY = new Intl.DateTimeFormat('fr-FR', {day: 'numeric', month: 'short'});
const NUMBER = new Intl.NumberFormat('fr-FR', {maximumFractionDigits: 1});
const MONEY = new Intl.NumberFormat('fr-FR', {style: 'currency', currency: 'EUR', maximumFractionDigits: 0});

/** A date-only value ("2026-03-12") is a calendar day: read it in local time, not as UTC midnight. */
function toDate(value) {
  if (!value) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(value) {
  const date = toDate(value);
  return date ? DAY.format(date) : '—';
}

function shortDate(value) {
  const date = toDate(value);
  return date ? SHORT_DAY.format(date) : '';
}

export function formatNumber(value) {
  return typeof value === 'number' && Number.isFinite(value) ? NUMBER.format(value) : '—';
}

function plural(count, one, many) {
  return `${formatNumber(count)} ${count > 1 ? many : one}`;
}

/** Free text a participant typed, or a list or record of it, as readable text. */
function text(value) {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(text).join(' ; ') : '—';
  if (typeof value === 'object') {
    return Object.entries(value).map(([key, item]) => `${key} : ${text(item)}`).join(' ; ');
  }
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// Talking to the observatory's resource

export class Refusal extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const REFUSALS = {
  401: 'Vous n\u2019êtes pas connecté, ou votre session a expiré.',
  403: 'Ces informations ne vous sont pas accessibles.',
  404: 'Ces informations n\u2019existent pas ou plus.'
};

/** The observatory's base URL, from the `api` Camunda gives every plugin (cockpitApi and engine). */
export function observatoryBase(api) {
  return `${api.cockpitApi}/plugin/${PLUGIN}/${api.engine}`;
}

export function client(api) {
  const base = observatoryBase(api);
  return {
    base,
    url: (path, params = {}) => {
      const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value));
      return base + path + (query.toString() ? `?${query}` : '');
    },
    async get(path, signal) {
      let response;
      try {
        response = await fetch(base + path, {
          credentials: 'same-origin',
          signal,
          headers: {Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken || ''}
        });
      } catch (error) {
        if (error.name === 'AbortError') throw error;
        throw new Refusal(0, 'Le serveur ne répond pas. Vérifiez votre connexion et rechargez la page.');
      }
      if (response.ok) return response.json();
      let message = null;
      try {
        message = (await response.json()).message;
      } catch {
        // No French message in the answer: say it ourselves.
      }
      throw new Refusal(response.status, message || REFUSALS[response.status]
        || 'Le serveur n\u2019a pas pu répondre. Réessayez dans un instant ; si cela persiste, prévenez l\u2019équipe programme.');
    }
  };
}

function refusalBox(error, login) {
  const status = error instanceof Refusal ? error.status : 0;
  const message = error instanceof Refusal ? error.message : 'La page n\u2019a pas pu s\u2019afficher. Rechargez-la.';
  return html`<div class="cat-message cat-message-error" role="alert">
    <p>${message}</p>
    ${status === 401 ? html`<p><a href="${login}">Se connecter à Tasklist</a></p>` : ''}
  </div>`;
}

// ---------------------------------------------------------------------------------------------
// Page furniture

let stylesLoaded = false;

function loadStyles() {
  if (stylesLoaded) return;
  stylesLoaded = true;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./observatoire.css', import.meta.url).href;
  document.head.appendChild(link);
}

function links(app) {
  return {
    task: id => `${TASKLIST}#/?task=${encodeURIComponent(id)}`,
    // Catalysts have no Cockpit: only the programme's pages link to instances.
    instance: id => (app === 'cockpit' && id ? `${COCKPIT}#/process-instance/${encodeURIComponent(id)}/runtime` : null)
  };
}

function exports(url) {
  return html`<p class="cat-exports">
    <a class="cat-export" href="${url('csv')}" download>Exporter CSV</a>
    <a class="cat-export" href="${url('xlsx')}" download>Exporter XLSX</a>
  </p>`;
}

function loading(node) {
  node.innerHTML = '<p class="cat-loading" role="status">Chargement…</p>';
}

function badge(label, tone) {
  return html`<span class="cat-badge cat-badge-${tone}">${label}</span>`;
}

// ---------------------------------------------------------------------------------------------
// Cohort grid: territories × S1 S2 W S3 S4

const CELL_STATES = {
  EXPECTED: {tone: 'expected', label: () => 'attendu', mark: '○'},
  ON_TIME: {tone: 'on-time', label: () => 'déposé à temps', mark: '✓'},
  SUBMITTED_LATE: {tone: 'submitted-late', label: () => 'déposé en retard', mark: '✓'},
  OVERDUE: {tone: 'overdue', label: cell => `en retard de ${plural(cell.daysLate ?? 0, 'jour', 'jours')}`, mark: '⚠'},
  NOT_APPLICABLE: {tone: 'none', label: () => 'sans objet', mark: ''}
};

function cellMarkup(session, cell, to) {
  if (!cell) return html`<td class="cat-cell cat-cell-none" data-session="${session}">—</td>`;
  const state = CELL_STATES[cell.state] || CELL_STATES.EXPECTED;
  const label = cell.label || state.label(cell);
  let detail = '';
  if (cell.state === 'OVERDUE' || cell.state === 'EXPECTED') detail = cell.dueAt ? `échéance ${shortDate(cell.dueAt)}` : '';
  if (cell.state === 'ON_TIME' || cell.state === 'SUBMITTED_LATE') detail = cell.submittedAt ? `le ${shortDate(cell.submittedAt)}` : '';
  const href = cell.taskId ? to.task(cell.taskId) : to.instance(cell.processInstanceId);
  const title = cell.taskId ? 'Ouvrir la tâche dans Tasklist' : href ? 'Ouvrir l\u2019instance dans Cockpit' : '';
  const content = html`<span class="cat-cell-mark" aria-hidden="true">${state.mark}</span>
    <span class="cat-cell-label">${label}</span>${detail ? html`<span class="cat-cell-detail">${detail}</span>` : ''}`;
  const file = cell.documentId ? html`<a class="cat-cell-document" href="${DOCUMENTS}${encodeURIComponent(cell.documentId)}/fichier"
    download title="Télécharger le fichier du livrable">fichier</a>` : '';
  return html`<td class="cat-cell cat-cell-${state.tone}" data-session="${session}" data-state="${cell.state}">${href
    ? html`<a href="${href}" title="${title}">${content}</a>` : content}${file}</td>`;
}

function supportMarkup(row) {
  const planned = row.supportMonthsPlanned || 0;
  const done = row.supportMonthsDone || 0;
  if (!planned) return html`<td class="cat-num">—</td>`;
  const width = Math.min(100, Math.round((100 * done) / planned));
  return html`<td class="cat-support"><span class="cat-support-figure">${formatNumber(done)} / ${formatNumber(planned)} mois</span>
    <span class="cat-meter" aria-hidden="true"><span style="width:${width}%"></span></span></td>`;
}

// The binôme's review of the socle commun's latest version.
const REVIEW_STATES = {
  GIVEN: {tone: 'on-time', mark: '✓'},
  EXPECTED: {tone: 'expected', mark: '○'},
  MISSED: {tone: 'overdue', mark: '⚠'},
  NOT_APPLICABLE: {tone: 'none', mark: ''}
};

function reviewMarkup(review, to) {
  if (!review) return html`<td class="cat-cell cat-cell-none" data-review>—</td>`;
  const state = REVIEW_STATES[review.state] || REVIEW_STATES.NOT_APPLICABLE;
  const content = html`<span class="cat-cell-mark" aria-hidden="true">${state.mark}</span>
    <span class="cat-cell-label">${review.label || 'sans objet'}</span>${review.reviewedAt
      ? html`<span class="cat-cell-detail">le ${shortDate(review.reviewedAt)}</span>` : ''}`;
  return html`<td class="cat-cell cat-cell-${state.tone}" data-review data-state="${review.state}">${review.taskId
    ? html`<a href="${to.task(review.taskId)}" title="Ouvrir la tâche dans Tasklist">${content}</a>` : content}</td>`;
}

function participationMarkup(participation) {
  if (!participation) return html`<td>—</td>`;
  const catalysts = (participation.catalysts || []).map(person => person.name || person.id).filter(Boolean);
  const dates = [participation.appliedAt ? `candidature ${shortDate(participation.appliedAt)}` : '',
    participation.decidedAt ? `décision ${shortDate(participation.decidedAt)}` : ''].filter(Boolean).join(' · ');
  return html`<td class="cat-participation"><span class="cat-strong">${participation.statusLabel || '—'}</span>
    ${dates ? html`<span class="cat-detail">${dates}</span>` : ''}
    ${catalysts.length ? html`<span class="cat-detail">${catalysts.join(', ')}</span>` : ''}</td>`;
}

function lateSummary(cohort) {
  const late = {};
  for (const row of cohort.rows || []) {
    for (const session of SESSIONS) {
      if (row.cells?.[session]?.state === 'OVERDUE') (late[session] ||= []).push(row.territory?.name || row.territory?.code);
    }
  }
  const sessions = Object.keys(late);
  if (!sessions.length) {
    return html`<p class="cat-summary cat-summary-ok">Aucun livrable en retard.</p>`;
  }
  return html`<ul class="cat-summary cat-summary-late">${sessions.map(session => html`<li><span aria-hidden="true">⚠</span>
    ${late[session].length > 1 ? `${late[session].length} territoires en retard` : '1 territoire en retard'} sur ${session} :
    <strong>${late[session].join(', ')}</strong></li>`)}</ul>`;
}

function foundationMarkup(foundation) {
  if (!foundation) return html`<p class="cat-detail">Le socle commun n\u2019est pas encore en cours de consolidation.</p>`;
  const reviews = foundation.reviewsExpected ? `${formatNumber(foundation.reviewsReceived || 0)} / ${formatNumber(foundation.reviewsExpected)}` : '—';
  return html`<dl class="cat-facts">
    <div><dt>Version</dt><dd>${foundation.version ?? '—'}</dd></div>
    <div><dt>État</dt><dd>${foundation.statusLabel || '—'}</dd></div>
    <div><dt>Avis reçus</dt><dd>${reviews}</dd></div>
    <div><dt>Consolidé le</dt><dd>${formatDate(foundation.consolidatedAt)}</dd></div>
    <div><dt>Validé le</dt><dd>${formatDate(foundation.validatedAt)}</dd></div>
    <div><dt>Publié le</dt><dd>${formatDate(foundation.publishedAt)}</dd></div>
  </dl>`;
}

const LEGEND = html`<p class="cat-legend" aria-label="Légende">
  <span class="cat-cell-overdue">⚠ en retard</span>
  <span class="cat-cell-submitted-late">✓ déposé en retard</span>
  <span class="cat-cell-on-time">✓ déposé à temps</span>
  <span class="cat-cell-expected">○ attendu</span>
  <span class="cat-cell-none">sans objet</span>
</p>`;

export function cohortMarkup(cohort, {to, url}) {
  const sessions = SESSIONS.map(code => (cohort.sessions || []).find(session => session.code === code) || {code});
  const rows = cohort.rows || [];
  const instance = to.instance(cohort.processInstanceId);
  return html`<section class="cat-block" aria-labelledby="cat-cohort-title">
    <h3 id="cat-cohort-title">${cohort.name}
      ${cohort.statusLabel ? badge(cohort.statusLabel, 'neutral') : ''}
      ${instance ? html`<a class="cat-small-link" href="${instance}">voir l\u2019instance</a>` : ''}</h3>
    <p class="cat-detail">Démarrée le ${formatDate(cohort.startDate)} · ${plural(rows.length, 'territoire', 'territoires')}</p>
    ${lateSummary(cohort)}
    ${LEGEND}
    <div class="cat-scroll">
    <table class="cat-table cat-grid">
      <caption>Livrables de la cohorte ${cohort.name}, par territoire et par session</caption>
      <thead><tr>
        <th scope="col">Territoire</th>
        <th scope="col">Candidature et sélection</th>
        ${sessions.map(session => html`<th scope="col" class="cat-session" title="${session.deliverable || ''}">
          <span class="cat-strong">${session.code}${session.title ? ` · ${session.title}` : ''}</span>
          ${session.plannedDate ? html`<span class="cat-detail">${formatDate(session.plannedDate)}</span>` : ''}
          ${session.statusLabel ? html`<span class="cat-detail">${session.statusLabel}</span>` : ''}</th>`)}
        <th scope="col" title="Mois d\u2019accompagnement mensuel faits sur ceux prévus">Suivi mensuel</th>
        <th scope="col" title="Avis du binôme sur la dernière version du socle commun">Socle commun</th>
      </tr></thead>
      <tbody>${rows.length ? rows.map(row => {
        const late = SESSIONS.some(session => row.cells?.[session]?.state === 'OVERDUE');
        return html`<tr class="${late ? 'cat-row-late' : ''}" data-territory="${row.territory?.code}">
          <th scope="row">${row.territory?.name || row.territory?.code}
            ${late ? html`<span class="cat-late-flag">en retard</span>` : ''}</th>
          ${participationMarkup(row.participation)}
          ${SESSIONS.map(session => cellMarkup(session, row.cells?.[session], to))}
          ${supportMarkup(row)}
          ${reviewMarkup(row.review, to)}
        </tr>`;
      }) : html`<tr><td colspan="9">Aucun territoire dans cette cohorte.</td></tr>`}</tbody>
    </table>
    </div>
    ${exports(format => url(`/cohortes/${encodeURIComponent(cohort.id)}`, {format}))}
    <h4>Socle commun</h4>
    ${foundationMarkup(cohort.foundation)}
  </section>`;
}

// ---------------------------------------------------------------------------------------------
// Partnerships: heat grid territory × stage, then a sortable, filterable list

function heat(value, max) {
  if (!value || !max) return '';
  const level = Math.max(1, Math.ceil((5 * value) / max));
  return `cat-heat-${level}`;
}

// « ajuster » and « poursuivre » do not close a partnership (it goes back to design, or to a new
// support period): the grid counts them beside the stages, from each partnership's last evaluation.
const REOPENING_DECISIONS = [
  ['ajuster', 'dont ajustés', 'Partenariats dont la dernière évaluation a décidé de les ajuster (retour à la conception)'],
  ['poursuivre', 'dont poursuivis', 'Partenariats dont la dernière évaluation a décidé de les poursuivre (nouvel accompagnement)']
];

function countsMarkup(data) {
  const stages = data.stages || [];
  const counts = data.counts || [];
  const decisions = REOPENING_DECISIONS.filter(([code]) => counts.some(row => row.byLastDecision && code in row.byLastDecision));
  const max = Math.max(0, ...counts.flatMap(row => stages.map(stage => row.byStage?.[stage.code] || 0)));
  return html`<div class="cat-scroll"><table class="cat-table cat-heat">
    <caption>Partenariats par territoire et par étape (cliquez un nombre pour filtrer la liste)</caption>
    <thead><tr><th scope="col">Territoire</th>${stages.map(stage => html`<th scope="col">${stage.label}</th>`)}<th scope="col">Total</th>
      ${decisions.map(([, label, title]) => html`<th scope="col" class="cat-decision" title="${`${title}, quelle que soit leur étape`}">${label}</th>`)}</tr></thead>
    <tbody>${counts.length ? counts.map(row => html`<tr><th scope="row">${row.territory?.name || row.territory?.code}</th>
      ${stages.map(stage => {
        const value = row.byStage?.[stage.code] || 0;
        return html`<td class="cat-num ${heat(value, max)}">${value
          ? html`<button type="button" class="cat-cell-button" data-territory="${row.territory?.code}" data-stage="${stage.code}"
              aria-label="${`${value} en ${stage.label} à ${row.territory?.name || row.territory?.code} : filtrer la liste`}">${formatNumber(value)}</button>`
          : html`<span class="cat-zero">0</span>`}</td>`;
      })}
      <td class="cat-num cat-strong">${formatNumber(row.total || 0)}</td>
      ${decisions.map(([code]) => html`<td class="cat-num cat-decision">${formatNumber(row.byLastDecision?.[code] || 0)}</td>`)}</tr>`)
      : html`<tr><td colspan="${stages.length + 2 + decisions.length}">Aucun partenariat.</td></tr>`}</tbody>
  </table></div>`;
}

// The sort keys are the server's (?tri=): the list comes a page at a time, sorted by the server on
// the whole list, so that page 2 follows page 1 whatever the column.
const PARTNERSHIP_COLUMNS = [
  {key: 'name', label: 'Partenariat'},
  {key: 'territory', label: 'Territoire'},
  {key: 'kind', label: 'Type'},
  {key: 'stage', label: 'Étape'},
  {key: 'daysInStage', label: 'Jours dans l\u2019étape', firstDescending: true},
  {key: 'nextTask', label: 'Prochaine tâche'},
  {key: 'lateTasks', label: 'Tâches en retard', firstDescending: true},
  {key: 'evaluation', label: 'Évaluation'}
];

function partnershipRow(item, to) {
  const instance = to.instance(item.processInstanceId);
  const task = item.nextTask;
  const overdueTask = task?.dueAt && toDate(task.dueAt) < new Date();
  return html`<tr class="${item.lateTasks ? 'cat-row-late' : ''}">
    <th scope="row">${instance ? html`<a href="${instance}">${item.name}</a>` : item.name}</th>
    <td>${item.territory?.name || item.territory?.code}</td>
    <td>${item.kindLabel || '—'}</td>
    <td>${item.stageLabel || '—'}</td>
    <td class="cat-num">${formatNumber(item.daysInStage)}</td>
    <td>${task ? html`${task.taskId ? html`<a href="${to.task(task.taskId)}">${task.name}</a>` : task.name}
      ${task.dueAt ? html`<span class="cat-detail ${overdueTask ? 'cat-text-late' : ''}">échéance ${formatDate(task.dueAt)}</span>` : ''}` : '—'}</td>
    <td class="cat-num">${item.lateTasks ? html`<span class="cat-late-count">${formatNumber(item.lateTasks)}</span>` : '0'}</td>
    <td>${item.evaluation ? html`${item.evaluation.label}${item.evaluation.decidedAt
      ? html`<span class="cat-detail">le ${formatDate(item.evaluation.decidedAt)}</span>` : ''}` : '—'}</td>
  </tr>`;
}

function options(list, selected, all) {
  return html`<option value="">${all}</option>${list.map(([value, label]) =>
    html`<option value="${value}" ${value === selected ? html`selected` : ''}>${label}</option>`)}`;
}

function distinct(items, code, label) {
  const seen = new Map();
  for (const item of items) {
    const value = code(item);
    if (value && !seen.has(value)) seen.set(value, label(item) || value);
  }
  return [...seen].sort((a, b) => a[1].localeCompare(b[1], 'fr'));
}

/** What the list's count line says for a page of the server's answer. */
export function listCount(page) {
  const total = page.total || 0;
  if (!total) return 'Aucun partenariat ne correspond à ces filtres.';
  const items = page.items || [];
  if ((page.pages || 1) <= 1) return `${plural(total, 'partenariat', 'partenariats')}.`;
  const first = (page.page - 1) * page.pageSize + 1;
  return `Partenariats ${formatNumber(first)} à ${formatNumber(first + items.length - 1)} sur ${formatNumber(total)} `
    + `(page ${formatNumber(page.page)} sur ${formatNumber(page.pages)}) ; l\u2019export donne la liste entière.`;
}

/** The query of a list request: filters, sort and page, as the server names them. */
function listQuery(state) {
  return {territoire: state.territoire, etape: state.etape, type: state.type, tri: state.sort,
    ordre: state.descending ? 'desc' : 'asc', page: state.page > 1 ? String(state.page) : ''};
}

/**
 * Draws the partnerships block into node from the first page of the list, and wires its filters,
 * sorting and pages: each asks the server for the page wanted (observatory.get), the grid of counts
 * stays the one of every partnership.
 */
export function drawPartnerships(node, data, {to, url, observatory}) {
  const territories = distinct(data.counts || [], row => row.territory?.code, row => row.territory?.name);
  const kinds = (data.kinds || []).map(kind => [kind.code, kind.label]);
  const stages = (data.stages || []).map(stage => [stage.code, stage.label]);
  const state = {territoire: '', etape: '', type: '', sort: data.sort || 'territory', descending: Boolean(data.descending), page: 1};
  let asked = 0;

  if (!data.total) {
    node.innerHTML = html`<section class="cat-block" aria-labelledby="cat-partnerships-title">
      <h3 id="cat-partnerships-title">Où en sont les partenariats</h3>
      <p>Aucun partenariat pour l\u2019instant.</p>
    </section>`.text;
    return;
  }

  node.innerHTML = html`<section class="cat-block" aria-labelledby="cat-partnerships-title">
    <h3 id="cat-partnerships-title">Où en sont les partenariats</h3>
    ${countsMarkup(data)}
    <form class="cat-filters" aria-label="Filtrer la liste des partenariats">
      <label>Territoire <select name="territoire">${options(territories, '', 'Tous les territoires')}</select></label>
      <label>Étape <select name="etape">${options(stages, '', 'Toutes les étapes')}</select></label>
      <label>Type <select name="type">${options(kinds, '', 'Tous les types')}</select></label>
      <button type="reset" class="cat-button">Effacer les filtres</button>
    </form>
    <p class="cat-detail" data-count role="status"></p>
    <div class="cat-scroll"><table class="cat-table cat-list">
      <caption>Liste des partenariats (cliquez un en-tête pour trier)</caption>
      <thead><tr>${PARTNERSHIP_COLUMNS.map(column => html`<th scope="col" data-column="${column.key}">
        <button type="button" class="cat-sort" data-sort="${column.key}">${column.label}<span class="cat-sort-mark" aria-hidden="true"></span></button></th>`)}</tr></thead>
      <tbody></tbody>
    </table></div>
    <nav class="cat-pager" aria-label="Pages de la liste des partenariats">
      <button type="button" class="cat-button" data-page="previous">Page précédente</button>
      <button type="button" class="cat-button" data-page="next">Page suivante</button>
    </nav>
    <div data-exports></div>
  </section>`;

  const form = node.querySelector('form');
  const table = node.querySelector('.cat-list');
  const body = table.querySelector('tbody');
  let shown = data;

  function draw(page) {
    shown = page;
    const items = page.items || [];
    body.innerHTML = items.length
      ? html`${items.map(item => partnershipRow(item, to))}`.text
      : html`<tr><td colspan="${PARTNERSHIP_COLUMNS.length}">Aucun partenariat ne correspond à ces filtres.</td></tr>`.text;
    node.querySelector('[data-count]').textContent = listCount(page);
    // The sort marks follow the rows drawn, not the click: they change once the sorted page is there.
    for (const header of node.querySelectorAll('th[data-column]')) {
      const sorted = header.dataset.column === page.sort;
      header.setAttribute('aria-sort', sorted ? (page.descending ? 'descending' : 'ascending') : 'none');
      header.querySelector('.cat-sort-mark').textContent = sorted ? (page.descending ? ' ▼' : ' ▲') : '';
    }
    node.querySelector('[data-page=previous]').disabled = (page.page || 1) <= 1;
    node.querySelector('[data-page=next]').disabled = (page.page || 1) >= (page.pages || 1);
    node.querySelector('.cat-pager').hidden = (page.pages || 1) <= 1;
    const everyPage = {...listQuery(state), page: ''};
    node.querySelector('[data-exports]').innerHTML = exports(format => url('/partenariats', {...everyPage, format})).text;
    table.removeAttribute('aria-busy');
  }

  async function ask() {
    const mine = ++asked;
    table.setAttribute('aria-busy', 'true');
    const query = new URLSearchParams(Object.entries(listQuery(state)).filter(([, value]) => value)).toString();
    try {
      const page = await observatory.get(`/partenariats${query ? `?${query}` : ''}`);
      if (mine === asked) draw(page);
    } catch (error) {
      if (mine !== asked || error.name === 'AbortError') return;
      table.removeAttribute('aria-busy');
      body.innerHTML = html`<tr><td colspan="${PARTNERSHIP_COLUMNS.length}">${error.message}</td></tr>`.text;
    }
  }

  form.addEventListener('change', () => {
    state.territoire = form.elements.territoire.value;
    state.etape = form.elements.etape.value;
    state.type = form.elements.type.value;
    state.page = 1;
    ask();
  });
  form.addEventListener('reset', () => setTimeout(() => form.dispatchEvent(new Event('change'))));
  form.addEventListener('submit', event => event.preventDefault());
  node.querySelector('.cat-list thead').addEventListener('click', event => {
    const button = event.target.closest('[data-sort]');
    if (!button) return;
    const column = PARTNERSHIP_COLUMNS.find(candidate => candidate.key === button.dataset.sort);
    state.descending = state.sort === column.key ? !state.descending : Boolean(column.firstDescending);
    state.sort = column.key;
    state.page = 1;
    ask();
  });
  node.querySelector('.cat-pager').addEventListener('click', event => {
    const button = event.target.closest('[data-page]');
    if (!button || button.disabled) return;
    state.page = Math.max(1, (shown.page || 1) + (button.dataset.page === 'next' ? 1 : -1));
    ask().then(() => table.scrollIntoView({behavior: 'smooth', block: 'start'}));
  });
  node.querySelector('.cat-heat').addEventListener('click', event => {
    const button = event.target.closest('[data-territory]');
    if (!button) return;
    form.elements.territoire.value = button.dataset.territory;
    form.elements.etape.value = button.dataset.stage;
    form.dispatchEvent(new Event('change'));
    node.querySelector('.cat-list').scrollIntoView({behavior: 'smooth', block: 'start'});
  });
  draw(data);
}

// ---------------------------------------------------------------------------------------------
// Governance dialogues

export function dialoguesMarkup(dialogues, {to, url}) {
  if (!dialogues.length) {
    return html`<section class="cat-block" aria-labelledby="cat-dialogues-title">
      <h3 id="cat-dialogues-title">Dialogues de gouvernance</h3>
      <p>Aucun dialogue de gouvernance pour l\u2019instant.</p>
    </section>`;
  }
  return html`<section class="cat-block" aria-labelledby="cat-dialogues-title">
    <h3 id="cat-dialogues-title">Dialogues de gouvernance</h3>
    <div class="cat-scroll"><table class="cat-table">
      <caption>Dialogues de gouvernance : mois atteint sur la durée prévue, prochaine revue et revues en retard</caption>
      <thead><tr><th scope="col">Territoire</th><th scope="col">Sujet</th><th scope="col">État</th>
        <th scope="col">Mois atteint</th><th scope="col">Prochaine revue</th><th scope="col">Revues en retard</th></tr></thead>
      <tbody>${dialogues.map(dialogue => {
        const planned = dialogue.monthsPlanned || 36;
        const reached = dialogue.monthReached || 0;
        const past = dialogue.pastMonth36 ?? reached > 36;
        const instance = to.instance(dialogue.processInstanceId);
        const review = dialogue.nextReview;
        return html`<tr class="${dialogue.lateReviews ? 'cat-row-late' : ''}">
          <th scope="row">${dialogue.territory?.name || dialogue.territory?.code}</th>
          <td>${instance ? html`<a href="${instance}">${dialogue.subject || 'Dialogue'}</a>` : dialogue.subject || '—'}</td>
          <td>${dialogue.statusLabel || '—'}</td>
          <td class="cat-support"><span class="cat-support-figure">mois ${formatNumber(reached)} sur ${formatNumber(planned)}</span>
            <span class="cat-meter ${past ? 'cat-meter-past' : ''}" aria-hidden="true"><span style="width:${Math.min(100, Math.round((100 * reached) / planned))}%"></span></span>
            ${dialogue.extended ? badge('prolongé', 'neutral') : ''}${past ? badge('au-delà du mois 36', 'late') : ''}</td>
          <td>${review ? html`${review.taskId ? html`<a href="${to.task(review.taskId)}">${review.name}</a>` : review.name}
            ${review.dueAt ? html`<span class="cat-detail">échéance ${formatDate(review.dueAt)}</span>` : ''}` : '—'}</td>
          <td class="cat-num">${dialogue.lateReviews ? html`<span class="cat-late-count">${formatNumber(dialogue.lateReviews)}</span>` : '0'}</td>
        </tr>`;
      })}</tbody>
    </table></div>
    ${exports(format => url('/dialogues', {format}))}
  </section>`;
}

// ---------------------------------------------------------------------------------------------
// Indicators, drawn as SVG by the page

const SVG_TEXT = 'font-family="inherit" font-size="13"';

function svgText(value) {
  return escapeHtml(value ?? '');
}

// Shares where more is better (on time): low values are drawn red, so that lateness stands out.
const GOOD_WHEN_HIGH = new Set(['deliverables-on-time', 'indicator-entries-on-time']);

function heatColour(value, max, goodWhenHigh) {
  if (typeof value !== 'number' || !max) return {fill: '#f2f2f2', ink: '#555'};
  const share = Math.max(0, Math.min(1, value / max));
  if (goodWhenHigh) {
    // Red (hue 4) through amber to green (hue 140), always dark enough for white text.
    return {fill: `hsl(${Math.round(4 + 136 * share)}, 60%, ${share < 0.5 ? 45 : 36}%)`, ink: '#fff'};
  }
  // From a pale to a deep blue: lightness 95 % down to 32 %.
  const lightness = Math.round(95 - 63 * share);
  return {fill: `hsl(212, 62%, ${lightness}%)`, ink: lightness < 60 ? '#fff' : '#1b2a3a'};
}

// A chart is read, not scanned: beyond these many rows or bars it shows those that need attention
// first, and « Voir les chiffres » keeps every figure.
const CHART_ROWS = 30;

function mean(values) {
  const numbers = (values || []).filter(value => typeof value === 'number');
  return numbers.length ? numbers.reduce((sum, value) => sum + value, 0) / numbers.length : null;
}

/** The rows or bars a chart draws, and a note when it leaves some out. */
function worstFirst(items, score, goodWhenHigh, what) {
  if (items.length <= CHART_ROWS) return {shown: items, note: ''};
  const known = value => typeof value === 'number';
  const ranked = [...items].sort((a, b) => {
    const left = score(a);
    const right = score(b);
    if (!known(left) || !known(right)) return Number(!known(left)) - Number(!known(right));
    return goodWhenHigh ? left - right : right - left;
  });
  return {shown: ranked.slice(0, CHART_ROWS),
    note: `${formatNumber(CHART_ROWS)} ${what} sur ${formatNumber(items.length)} : ${goodWhenHigh ? 'les plus bas' : 'les plus élevés'} ; tous les chiffres sont dans « Voir les chiffres ».`};
}

export function chartRows(indicator, data) {
  const goodWhenHigh = GOOD_WHEN_HIGH.has(indicator.id);
  if (indicator.chart === 'grid') return worstFirst(data.rows || [], row => mean(row.values), goodWhenHigh, 'lignes');
  if (indicator.chart === 'bars') {
    return (data.bars || []).length > CHART_ROWS ? worstFirst(data.bars, bar => bar.value, goodWhenHigh, 'barres') : {shown: data.bars || [], note: ''};
  }
  return {shown: [], note: ''};
}

/** A figure with its unit, in the singular below two (« 1 tâche », « 0 tâche », « 3 tâches »). */
function measured(value, unit) {
  if (typeof value !== 'number') return '—';
  if (!unit) return formatNumber(value);
  return `${formatNumber(value)} ${Math.abs(value) < 2 && /[a-zé]s$/.test(unit) ? unit.slice(0, -1) : unit}`;
}

function gridChart(data, title, goodWhenHigh, rows) {
  const columns = data.columns || [];
  const label = 250;
  const cell = Math.max(56, Math.min(96, Math.floor(560 / Math.max(1, columns.length))));
  const height = 30;
  const top = 34;
  const width = label + cell * columns.length + 4;
  // Shares are read against 100 %, so that 0 % everywhere is drawn as the worst, not as nothing.
  const max = data.unit === '%' ? 100 : Math.max(0, ...rows.flatMap(row => (row.values || []).filter(value => typeof value === 'number')));
  const parts = columns.map((column, index) => `<text x="${label + cell * index + cell / 2}" y="22" text-anchor="middle" font-weight="600" ${SVG_TEXT}>${svgText(column)}</text>`);
  rows.forEach((row, rowIndex) => {
    const y = top + rowIndex * height;
    parts.push(`<text x="${label - 8}" y="${y + 20}" text-anchor="end" ${SVG_TEXT}>${svgText(truncate(row.label, 36))}<title>${svgText(row.label)}</title></text>`);
    (row.values || []).forEach((value, index) => {
      const colour = heatColour(value, max, goodWhenHigh);
      const shown = measured(value, data.unit);
      parts.push(`<rect x="${label + cell * index + 1}" y="${y + 1}" width="${cell - 2}" height="${height - 2}" rx="3" fill="${colour.fill}"><title>${svgText(`${row.label}, ${columns[index] ?? ''} : ${shown}`)}</title></rect>`,
        `<text x="${label + cell * index + cell / 2}" y="${y + 20}" text-anchor="middle" fill="${colour.ink}" ${SVG_TEXT}>${svgText(shown)}</text>`);
    });
  });
  return svg(width, top + rows.length * height + 6, title, parts);
}

function barsChart(data, title, wide, bars) {
  const label = wide ? 250 : 220;
  const room = wide ? 420 : 200;
  const height = 28;
  const max = Math.max(0, ...bars.map(bar => (typeof bar.value === 'number' ? bar.value : 0)));
  const parts = [];
  bars.forEach((bar, index) => {
    const y = index * height + 4;
    const value = typeof bar.value === 'number' ? bar.value : 0;
    const length = max ? Math.max(value ? 2 : 0, Math.round((room * value) / max)) : 0;
    parts.push(`<text x="${label - 8}" y="${y + 17}" text-anchor="end" ${SVG_TEXT}>${svgText(truncate(bar.label, wide ? 36 : 28))}<title>${svgText(bar.label)}</title></text>`,
      `<rect x="${label}" y="${y + 3}" width="${length}" height="${height - 8}" rx="3" fill="#2f6db5"><title>${svgText(`${bar.label} : ${measured(value, data.unit)}`)}</title></rect>`,
      `<text x="${label + length + 6}" y="${y + 17}" ${SVG_TEXT} font-weight="600">${svgText(measured(bar.value, data.unit))}</text>`);
  });
  return svg(label + room + 90, bars.length * height + 8, title, parts);
}

function ratioChart(data, title) {
  const share = typeof data.value === 'number' ? (data.value > 1 ? data.value / 100 : data.value)
    : data.denominator ? data.numerator / data.denominator : null;
  const angle = Math.PI * (1 - Math.max(0, Math.min(1, share ?? 0)));
  const cx = 110;
  const cy = 105;
  const r = 85;
  const x = cx + r * Math.cos(angle);
  const y = cy - r * Math.sin(angle);
  const arc = (toX, toY) => `M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${toX.toFixed(1)} ${toY.toFixed(1)}`;
  const percent = share === null ? '—' : `${formatNumber(Math.round(share * 100))} %`;
  const parts = [`<path d="${arc(cx + r, cy)}" fill="none" stroke="#e3e6ea" stroke-width="22"/>`];
  if (share) parts.push(`<path d="${arc(x, y)}" fill="none" stroke="${share >= 1 ? '#2e7d4f' : share >= 0.5 ? '#2f6db5' : '#c0392b'}" stroke-width="22"/>`);
  parts.push(`<text x="${cx}" y="${cy - 12}" text-anchor="middle" font-size="28" font-weight="700" font-family="inherit">${svgText(percent)}</text>`,
    `<text x="${cx}" y="${cy + 16}" text-anchor="middle" ${SVG_TEXT}>${svgText(data.denominator === 0 ? 'rien à compter pour l\u2019instant'
      : data.denominator !== undefined ? `${formatNumber(data.numerator ?? 0)} sur ${formatNumber(data.denominator)}` : '')}</text>`);
  return svg(220, 128, title, parts);
}

function truncate(value, length) {
  const label = String(value ?? '');
  return label.length > length ? `${label.slice(0, length - 1)}…` : label;
}

function svg(width, height, title, parts) {
  return `<svg class="cat-chart" role="img" aria-label="${svgText(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"
    xmlns="http://www.w3.org/2000/svg"><title>${svgText(title)}</title>${parts.join('')}</svg>`;
}

function figuresTable(indicator, data) {
  if (indicator.chart === 'grid') {
    return html`<table class="cat-table"><caption>${indicator.title}</caption>
      <thead><tr><th scope="col"></th>${(data.columns || []).map(column => html`<th scope="col">${column}</th>`)}</tr></thead>
      <tbody>${(data.rows || []).map(row => html`<tr><th scope="row">${row.label}</th>${(row.values || []).map(value => html`<td class="cat-num">${formatNumber(value)}</td>`)}</tr>`)}</tbody></table>`;
  }
  if (indicator.chart === 'bars') {
    return html`<table class="cat-table"><caption>${indicator.title}</caption>
      <thead><tr><th scope="col">Libellé</th><th scope="col">Valeur${data.unit ? ` (${data.unit})` : ''}</th></tr></thead>
      <tbody>${(data.bars || []).map(bar => html`<tr><th scope="row">${bar.label}</th><td class="cat-num">${formatNumber(bar.value)}</td></tr>`)}</tbody></table>`;
  }
  return '';
}

function indicatorMarkup(indicator) {
  const data = indicator.data || indicator;
  const title = indicator.title || indicator.id;
  const wide = indicator.chart === 'grid' || (indicator.chart === 'bars' && (data.bars || []).length > 6);
  const {shown, note} = chartRows(indicator, data);
  const drawn = indicator.chart === 'grid' ? gridChart(data, title, GOOD_WHEN_HIGH.has(indicator.id), shown)
    : indicator.chart === 'bars' ? barsChart(data, title, wide, shown)
      : indicator.chart === 'ratio' ? ratioChart(data, title) : '';
  const empty = (indicator.chart === 'grid' && !(data.rows || []).length) || (indicator.chart === 'bars' && !(data.bars || []).length);
  const figures = figuresTable(indicator, data);
  return html`<article class="cat-indicator ${wide ? 'cat-indicator-wide' : ''}" id="${`indicateur-${indicator.id}`}" title="${indicator.definition || ''}">
    <h4>${title} <span class="cat-info" tabindex="0" role="img" aria-label="${`Définition : ${indicator.definition || ''}`}"
      title="${indicator.definition || ''}">i</span></h4>
    ${empty ? html`<p class="cat-detail">Pas encore de données.</p>` : new Markup(drawn)}
    ${note ? html`<p class="cat-detail">${note}</p>` : ''}
    ${data.note ? html`<p class="cat-detail">${data.note}</p>` : ''}
    ${figures && !empty ? html`<details class="cat-figures"><summary>Voir les chiffres</summary>${figures}</details>` : ''}
  </article>`;
}

export function indicatorsMarkup(data) {
  const indicators = data.indicators || [];
  return html`<section class="cat-block" aria-labelledby="cat-indicators-title">
    <h3 id="cat-indicators-title">Indicateurs de l\u2019Observatoire</h3>
    <p class="cat-detail">Survolez un indicateur, ou son <span class="cat-info" aria-hidden="true">i</span>, pour lire sa définition.</p>
    <div class="cat-indicators">${indicators.length ? indicators.map(indicatorMarkup) : html`<p>Aucun indicateur à afficher.</p>`}</div>
  </section>`;
}

// ---------------------------------------------------------------------------------------------
// The partnership's business record (Cockpit's « Dossier » tab)

function rowsTable(caption, columns, items, empty) {
  if (!items || !items.length) return html`<p class="cat-detail">${empty}</p>`;
  return html`<div class="cat-scroll"><table class="cat-table">
    <caption>${caption}</caption>
    <thead><tr>${columns.map(([label]) => html`<th scope="col">${label}</th>`)}</tr></thead>
    <tbody>${items.map(item => html`<tr>${columns.map(([, cell], index) => index === 0
      ? html`<th scope="row">${cell(item)}</th>` : html`<td class="cat-prose">${cell(item)}</td>`)}</tr>`)}</tbody>
  </table></div>`;
}

function experimentMarkup(experiment) {
  if (!experiment) return html`<p class="cat-detail">Pas encore d\u2019expérimentation conçue.</p>`;
  const funding = experiment.funding;
  return html`<p class="cat-detail">Version ${experiment.version ?? '—'} · budget ${typeof experiment.budget === 'number'
    ? MONEY.format(experiment.budget) : text(experiment.budget)} · ${experiment.durationMonths ? `${formatNumber(experiment.durationMonths)} mois` : 'durée non précisée'}
    · début ${formatDate(experiment.startDate)}</p>
  <div class="cat-dimensions">
    <div><h5>Solutions</h5><p class="cat-prose">${text(experiment.solutions)}</p></div>
    <div><h5>Chaîne de valeur</h5><p class="cat-prose">${text(experiment.valueChain)}</p></div>
    <div><h5>Modèle économique</h5><p class="cat-prose">${text(experiment.economicModel)}</p></div>
    <div><h5>Gouvernance</h5><p class="cat-prose">${text(experiment.governance)}</p></div>
  </div>
  <h5>Financement</h5>
  <p class="cat-prose">${funding ? `${text(funding.label || funding.decision)}${typeof funding.amount === 'number' ? ` · ${MONEY.format(funding.amount)}` : ''}${funding.comment ? ` · ${funding.comment}` : ''}` : 'Pas encore de décision de financement.'}</p>
  <h5>Indicateurs et mesures</h5>
  ${rowsTable('Indicateurs de l\u2019expérimentation et leurs mesures', [
    ['Indicateur', indicator => indicator.name],
    ['Unité', indicator => text(indicator.unit)],
    ['Cible', indicator => text(indicator.target)],
    ['Saisi par', indicator => text(indicator.collector)],
    ['Mesures', indicator => (indicator.measurements || []).length
      ? html`<ul class="cat-measures">${indicator.measurements.map(measure => html`<li><span class="cat-strong">${text(measure.value)}</span> · ${text(measure.organisation)} · ${formatDate(measure.enteredAt)}${measure.comment ? ` · ${measure.comment}` : ''}</li>`)}</ul>`
      : 'aucune mesure']
  ], experiment.indicators, 'Aucun indicateur défini.')}
  <h5>Signatures de la convention</h5>
  ${rowsTable('Signatures de la convention', [
    ['Signataire', signature => text(signature.signatory)],
    ['Signé par', signature => text(signature.signerName)],
    ['Le', signature => formatDate(signature.signedAt)]
  ], experiment.signatures, 'Aucune signature.')}`;
}

export function dossierMarkup(dossier) {
  return html`<div class="cat-dossier">
    <h3>${dossier.name} ${dossier.stageLabel ? badge(dossier.stageLabel, 'neutral') : ''}</h3>
    <dl class="cat-facts">
      <div><dt>Territoire</dt><dd>${dossier.territory?.name || dossier.territory?.code || '—'}</dd></div>
      <div><dt>Type</dt><dd>${dossier.kindLabel || '—'}</dd></div>
      <div><dt>Étape</dt><dd>${dossier.stageLabel || '—'}</dd></div>
      <div><dt>Démarré le</dt><dd>${formatDate(dossier.startedAt)}</dd></div>
    </dl>
    <div class="cat-dimensions">
      <div><h5>Objectifs</h5><p class="cat-prose">${text(dossier.objectives)}</p></div>
      <div><h5>Fragilités</h5><p class="cat-prose">${text(dossier.fragilities)}</p></div>
      <div><h5>Synthèse</h5><p class="cat-prose">${text(dossier.summary)}</p></div>
    </div>
    <h4>Partenaires</h4>
    ${rowsTable('Partenaires et leur statut', [
      ['Organisation', partner => text(partner.organisation)],
      ['Statut', partner => text(partner.statusLabel)],
      ['Besoins', partner => text(partner.needs)],
      ['Contribution', partner => text(partner.contribution)]
    ], dossier.partners, 'Aucun partenaire pour l\u2019instant.')}
    <h4>Mises en relation</h4>
    ${rowsTable('Mises en relation proposées', [
      ['Organisation', match => text(match.organisation)],
      ['Tour', match => text(match.round)],
      ['Réponse', match => text(match.statusLabel)],
      ['Proposée le', match => formatDate(match.proposedAt)],
      ['Répondu le', match => formatDate(match.answeredAt)],
      ['Motif', match => text(match.rationale)],
      ['Commentaire', match => text(match.comment)]
    ], dossier.matches, 'Aucune mise en relation.')}
    <h4>Expérimentation</h4>
    ${experimentMarkup(dossier.experiment)}
    <h4>Évaluations des partenaires</h4>
    ${rowsTable('Évaluations des partenaires', [
      ['Organisation', assessment => text(assessment.organisation)],
      ['Tour', assessment => text(assessment.round)],
      ['Production', assessment => text(assessment.product)],
      ['Équilibre', assessment => text(assessment.balance)],
      ['Reconnaissance', assessment => text(assessment.recognition)],
      ['Axes d\u2019impact', assessment => text(assessment.impactAxes)],
      ['Commentaire', assessment => text(assessment.comment)],
      ['Le', assessment => formatDate(assessment.assessedAt)]
    ], dossier.assessments, 'Aucune évaluation de partenaire.')}
    <h4>Décision</h4>
    ${rowsTable('Décisions d\u2019évaluation', [
      ['Décision', evaluation => text(evaluation.label)],
      ['Moyennes des partenaires', evaluation => [['production', evaluation.productAverage], ['équilibre', evaluation.balanceAverage],
        ['reconnaissance', evaluation.recognitionAverage]].filter(([, value]) => typeof value === 'number')
        .map(([label, value]) => `${label} ${formatNumber(value)}`).join(' · ') || '—'],
      ['Tour', evaluation => text(evaluation.round)],
      ['Synthèse', evaluation => text(evaluation.synthesis)],
      ['Démarches', evaluation => text(evaluation.approaches)],
      ['Essaimage vers', evaluation => text(evaluation.spreadTerritory)],
      ['Le', evaluation => formatDate(evaluation.decidedAt)]
    ], dossier.evaluations, 'Pas encore de décision d\u2019évaluation.')}
    <h4>Journal</h4>
    ${rowsTable('Journal du partenariat', [
      ['Date', entry => formatDate(entry.occurredOn)],
      ['Nature', entry => text(entry.kindLabel)],
      ['Organisation', entry => text(entry.organisation)],
      ['Contenu', entry => text(entry.content)],
      ['Suite', entry => text(entry.outcome)]
    ], dossier.journal, 'Le journal est vide.')}
  </div>`;
}

// ---------------------------------------------------------------------------------------------
// Pages

const VIEWS = [
  {key: 'cohorte', label: 'Cohorte'},
  {key: 'partenariats', label: 'Partenariats'},
  {key: 'dialogues', label: 'Dialogues de gouvernance'},
  {key: 'indicateurs', label: 'Indicateurs'}
];

/** The query of a hash route such as #/programme?vue=partenariats. */
export function routeParams() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query);
}

function latestCohort(cohorts) {
  return [...cohorts].sort((a, b) => String(b.startDate || '').localeCompare(String(a.startDate || '')))[0];
}

async function drawCohort(node, observatory, context, wanted, signal) {
  const cohorts = await observatory.get('/cohortes', signal);
  if (!cohorts.length) {
    node.innerHTML = html`<section class="cat-block"><h3>Cohorte</h3><p>Aucune cohorte à afficher pour l\u2019instant.</p></section>`.text;
    return;
  }
  const chosen = cohorts.find(cohort => String(cohort.id) === wanted) || latestCohort(cohorts);
  const cohort = await observatory.get(`/cohortes/${encodeURIComponent(chosen.id)}`, signal);
  const picker = cohorts.length > 1 ? html`<nav class="cat-cohorts" aria-label="Choisir une cohorte">Cohortes :
    ${cohorts.map(item => String(item.id) === String(chosen.id)
      ? html`<span class="cat-current" aria-current="page">${item.name}</span>`
      : html`<a href="${context.href({cohorte: item.id})}">${item.name}</a>`)}</nav>` : '';
  node.innerHTML = html`${picker}${cohortMarkup(cohort, context)}`.text;
}

async function drawView(view, node, observatory, context, params, signal) {
  if (view === 'cohorte') return drawCohort(node, observatory, context, params.get('cohorte'), signal);
  if (view === 'partenariats') return drawPartnerships(node, await observatory.get('/partenariats', signal), context);
  if (view === 'dialogues') {
    node.innerHTML = dialoguesMarkup(await observatory.get('/dialogues', signal), context).text;
    return undefined;
  }
  node.innerHTML = indicatorsMarkup(await observatory.get('/indicateurs', signal)).text;
  return undefined;
}

function contextFor(api, app, route) {
  const observatory = client(api);
  return {
    observatory,
    to: links(app),
    url: (path, params) => observatory.url(path, params),
    login: `${TASKLIST}#/login`,
    href: params => `#${route}?${new URLSearchParams(Object.entries(params).filter(([, value]) => value))}`
  };
}

async function guarded(node, context, work) {
  try {
    await work();
  } catch (error) {
    if (error.name === 'AbortError') return;
    node.innerHTML = refusalBox(error, context.login).text;
  }
}

/**
 * Cockpit's « Programme » page: four tabs, the tab in the route's query so that each can be linked
 * to (#/programme?vue=partenariats). Returns a function that stops pending requests.
 */
export function renderProgramme(node, {api, app = 'cockpit', route = '/programme'}) {
  loadStyles();
  const params = routeParams();
  const view = VIEWS.some(candidate => candidate.key === params.get('vue')) ? params.get('vue') : 'cohorte';
  const context = contextFor(api, app, route);
  const requests = new AbortController();
  node.innerHTML = html`<div class="cat-observatory">
    <h2>Programme</h2>
    <nav class="cat-tabs" aria-label="Vues du programme"><ul>${VIEWS.map(candidate => html`<li>
      <a href="${context.href({vue: candidate.key})}" ${candidate.key === view ? html`aria-current="page" class="cat-tab-current"` : ''}>${candidate.label}</a></li>`)}</ul></nav>
    <div class="cat-view"></div>
  </div>`.text;
  const target = node.querySelector('.cat-view');
  loading(target);
  guarded(target, context, () => drawView(view, target, context.observatory, context, params, requests.signal));
  return () => requests.abort();
}

/**
 * Tasklist's « Observatoire » page, for those without Cockpit (catalysts, steering committee):
 * every section on one page, with what the server lets the caller see (a catalyst: their territory).
 */
export function renderTerritories(node, {api, route = '/observatoire'}) {
  loadStyles();
  const params = routeParams();
  const context = contextFor(api, 'tasklist', route);
  const requests = new AbortController();
  node.innerHTML = html`<div class="cat-observatory cat-page">
    <h2>Observatoire</h2>
    <p class="cat-detail" data-scope>Les territoires que vous suivez : leur cohorte, leurs partenariats, leur dialogue de gouvernance.</p>
    <div data-section="cohorte"></div>
    <div data-section="partenariats"></div>
    <div data-section="dialogues"></div>
    <div data-section="indicateurs"></div>
  </div>`.text;
  const sections = [...node.querySelectorAll('[data-section]')];
  sections.forEach(loading);
  guarded(node.querySelector('.cat-observatory'), context, async () => {
    // One call first: if the caller may see nothing (or is logged out), say it once for the page.
    const first = sections.shift();
    await drawView(first.dataset.section, first, context.observatory, context, params, requests.signal);
    await Promise.all(sections.map(section => guarded(section, context,
      () => drawView(section.dataset.section, section, context.observatory, context, params, requests.signal))));
    const names = [...new Set([...node.querySelectorAll('.cat-grid tbody th[scope=row]')].map(cell => cell.firstChild?.textContent.trim()).filter(Boolean))];
    if (names.length && names.length <= 3) node.querySelector('[data-scope]').textContent = `Votre territoire : ${names.join(', ')}.`;
  });
  return () => requests.abort();
}

/** The partnership's files (signed conventions, evaluation synthesis…), each a download. */
async function dossierDocuments(processInstanceId, signal) {
  const response = await fetch(`${DOCUMENTS}instances/${encodeURIComponent(processInstanceId)}`,
    {credentials: 'same-origin', signal, headers: {Accept: 'application/json'}});
  const documents = response.ok ? await response.json() : [];
  return html`<section class="cat-dossier-documents"><h3>Documents</h3>${documents.length
    ? html`<ul class="cat-documents">${documents.map(document => html`<li class="cat-document">
        <a href="${DOCUMENTS}${encodeURIComponent(document.id)}/fichier" download="${document.name}">${document.name}</a>
        <span class="cat-detail">${document.type} · ${document.sizeLabel} · déposé par ${document.uploadedBy}
          le ${formatDate(document.uploadedAt)}</span></li>`)}</ul>`
    : html`<p class="cat-detail">Aucun document joint aux tâches de ce partenariat.</p>`}</section>`;
}

/** Cockpit's « Dossier » tab of a process instance: the partnership's business record. */
export function renderDossier(node, {api, processInstanceId}) {
  loadStyles();
  const context = contextFor(api, 'cockpit', '/programme');
  const requests = new AbortController();
  node.innerHTML = '<div class="cat-observatory"></div>';
  const target = node.firstChild;
  loading(target);
  guarded(target, context, async () => {
    try {
      target.innerHTML = dossierMarkup(await context.observatory.get(`/dossier/${encodeURIComponent(processInstanceId)}`, requests.signal)).text;
      target.insertAdjacentHTML('beforeend', (await dossierDocuments(processInstanceId, requests.signal)).text);
    } catch (error) {
      if (!(error instanceof Refusal) || error.status !== 404) throw error;
      target.innerHTML = html`<p class="cat-detail">Cette instance n\u2019est pas un partenariat : elle n\u2019a pas de dossier. Ses données sont dans l\u2019onglet « Variables ».</p>`.text;
    }
  });
  return () => requests.abort();
}

/**
 * What the plugins rendered and how to stop it. Camunda calls a plugin's unmount() without saying
 * which rendering it ends, and an Angular route draws its next page before it destroys the
 * previous one: stop each rendering once it has left the page, never the one just drawn.
 */
export function renderings() {
  const stops = new Map();
  return {
    keep(node, stop) {
      stops.set(node, stop);
    },
    unmount() {
      setTimeout(() => {
        for (const [node, stop] of stops) {
          if (!node.isConnected) {
            stop();
            stops.delete(node);
          }
        }
      });
    }
  };
}

/** Whether the observatory answers for the logged-in person (Tasklist's navbar shows its link then). */
export async function mayObserve(api) {
  try {
    await client(api).get('/cohortes');
    return true;
  } catch {
    return false;
  }
}
