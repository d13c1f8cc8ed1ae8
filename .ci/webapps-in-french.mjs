// Screenshot-level check of the French webapps, in headless Chromium (Debian's /usr/bin/chromium):
// the Tasklist login page and, logged in as a demo catalyst, the task list with the role filters;
// a demo catalyst attaching their deliverable's file in the task's « Documents » tab and downloading it from
// their « Observatoire » page; then Cockpit as a programme lead, with the programme observatory (« Programme » page and a
// partnership's « Dossier » tab), and the catalysts' « Observatoire » page in Tasklist.
// Screenshots go to target/screenshots/.
//   node .ci/webapps-in-french.mjs http://localhost:8089
import {chromium} from 'playwright-core';
import {mkdirSync} from 'node:fs';

const base = process.argv[2] ?? 'http://localhost:8080';
const shots = 'target/screenshots';
mkdirSync(shots, {recursive: true});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
// An English-speaking browser: the webapps must answer in French all the same.
const context = await browser.newContext({locale: 'en-US', viewport: {width: 1400, height: 900}});
const failures = [];

async function expectText(page, texts, where) {
  for (const text of texts) {
    try {
      await page.getByText(text, {exact: false}).first().waitFor({timeout: 20000});
    } catch {
      failures.push(`${where}: « ${text} » absent`);
    }
  }
}

// What the observatory's pages must never show: Camunda's raw label keys or our enum codes
// (ON_TIME, CLOSED_STOPPED…), a value the page failed to format, or English words.
const RAW = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b(?:OVERDUE|EXPECTED|DIALOGUE|MATCHMAKING|DESIGN|SUPPORT|EVALUATION)\b|\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|Invalid Date/;
const ENGLISH = /\b(?:Loading|Error|Export|Download|Partnerships?|Territor(?:y|ies)|Stages?|Overdue|Submitted|Expected|Late|Next|None|Unknown|Status|Cohorts?|Indicators?|Deliverables?|Tasks?|Due|Month|Reviews?|Not applicable|On time)\b/;

async function frenchOnly(page, selector, where) {
  const texts = await page.locator(selector).evaluateAll(nodes => nodes.flatMap(node => [node.textContent,
    ...[...node.querySelectorAll('[title], [aria-label]')].flatMap(element => [element.getAttribute('title'), element.getAttribute('aria-label')])]));
  if (!texts.length) failures.push(`${where} : page absente`);
  for (const text of texts.filter(Boolean)) {
    for (const [pattern, what] of [[RAW, 'clé ou code brut'], [ENGLISH, 'mot anglais']]) {
      const found = pattern.exec(text);
      if (found) failures.push(`${where} : ${what} « ${found[0]} » dans « …${text.slice(Math.max(0, found.index - 40), found.index + 40).replace(/\s+/g, ' ')}… »`);
    }
  }
}

// Every table of the observatory exports as CSV (UTF-8 with BOM, « ; ») and XLSX, with the session cookie.
async function exportsWork(page, where) {
  const links = await page.locator('.cat-export').evaluateAll(anchors => anchors.map(anchor => anchor.href));
  if (!links.some(link => link.includes('format=csv')) || !links.some(link => link.includes('format=xlsx'))) {
    failures.push(`${where} : liens « Exporter CSV » et « Exporter XLSX » absents`);
  }
  for (const link of links) {
    const response = await page.request.get(link);
    const body = await response.body();
    if (!response.ok()) failures.push(`${where} : ${link} répond ${response.status()}`);
    else if (link.includes('format=csv') && !(body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf && body.includes(';'))) {
      failures.push(`${where} : ${link} n'est pas un CSV UTF-8 avec BOM séparé par « ; »`);
    } else if (link.includes('format=xlsx') && body.subarray(0, 2).toString() !== 'PK') failures.push(`${where} : ${link} n'est pas un XLSX`);
  }
}

async function appears(locator, where) {
  try {
    await locator.first().waitFor({timeout: 20000});
    return true;
  } catch {
    failures.push(`${where} : absent`);
    return false;
  }
}

async function login(page, app, user, password) {
  await page.goto(`${base}/camunda/app/${app}/default/`);
  await page.locator('input[ng-model=username]').waitFor({timeout: 30000});
  await expectText(page, ['Se connecter'], `${app}, page de connexion`);
  for (const placeholder of ["Nom d'utilisateur", 'Mot de passe']) {
    if (await page.getByPlaceholder(placeholder).count() === 0) failures.push(`${app}, page de connexion : « ${placeholder} » absent`);
  }
  await page.screenshot({path: `${shots}/${app}-connexion.png`});
  await page.fill('input[ng-model=username]', user);
  await page.fill('input[ng-model=password]', password);
  await page.click('button[type=submit]');
}

const tasklist = await context.newPage();
await login(tasklist, 'tasklist', 'claire.martin', 'Catalyse-Demo-2026');
// No filter clicked: the list Tasklist opens on shows the work, with its count.
await expectText(tasklist, ['À faire', 'Mes tâches', 'Tâches de mon territoire et de mes groupes', 'En retard',
  'À échéance cette semaine', 'Établir le diagnostic partagé du territoire', 'Démarrer un processus', 'Échéance'],
  'Tasklist de claire.martin');
await tasklist.getByText('Établir le diagnostic partagé du territoire').first().click();
await expectText(tasklist, ['Formulaire', 'Description', 'Atouts du territoire', 'Nantes Métropole'], 'tâche ouverte');
await tasklist.screenshot({path: `${shots}/tasklist-taches.png`, fullPage: true});
const banner = await tasklist.locator('.ce-eol-banner:visible').count();
if (banner > 0) failures.push('Tasklist : le bandeau « Camunda 8 » est visible');
// Each person's browser is closed once checked: open webapps keep polling, and the machine has two cores.
await context.close();

// A catalyst of a territory late with S2, work offered to their group: seen at once, named for its
// session and territory, and the S2 form opens blank although S1's deliverable was handed in.
const late = await (await browser.newContext({locale: 'en-US', viewport: {width: 1400, height: 900}})).newPage();
await login(late, 'tasklist', 'jean-marc.payet', 'Catalyse-Demo-2026');
const s2 = 'Déposer le livrable S2 — Mettre en œuvre (Territoire de la Côte Ouest (La Réunion))';
await expectText(late, ['À faire', s2], 'Tasklist de jean-marc.payet, sans filtre choisi');
try {
  await late.getByText(s2).first().click();
  const summary = late.getByLabel('Contenu du livrable');
  await summary.waitFor({timeout: 20000});
  const value = await summary.inputValue();
  if (value !== '') failures.push(`livrable S2 de la Côte Ouest : « Contenu du livrable » pré-rempli (« ${value.slice(0, 60)} »)`);
} catch (error) {
  failures.push(`livrable S2 de la Côte Ouest : formulaire non ouvert (${error.message.split('\n')[0]})`);
}
await late.screenshot({path: `${shots}/tasklist-livrable-s2.png`, fullPage: true});

// The same task's « Documents » tab: the catalyst attaches their S2 deliverable as a file.
const attachedName = 'livrable-s2-cote-ouest.pdf';
try {
  await late.getByText('Documents', {exact: true}).first().click();
  await late.locator('.cat-task-documents input.cat-add').waitFor({state: 'attached', timeout: 20000});
  await late.locator('.cat-task-documents input.cat-add').setInputFiles({name: attachedName, mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% Livrable S2 de la Côte Ouest\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')});
  await late.locator('.cat-task-documents .cat-document-link', {hasText: attachedName}).waitFor({timeout: 20000});
  await expectText(late, ['Cette tâche attend', 'document PDF', 'Remplacer', 'Retirer'], 'onglet « Documents » du livrable S2');
  await frenchOnly(late, '.cat-task-documents', 'onglet « Documents » du livrable S2');
} catch (error) {
  failures.push(`livrable S2 de la Côte Ouest : fichier non joint (${error.message.split('\n')[0]})`);
}
await late.screenshot({path: `${shots}/tasklist-livrable-s2-documents.png`, fullPage: true});

// The same catalyst's « Observatoire » page: their territory late on S2, and nothing of any other territory.
const theirs = 'Territoire de la Côte Ouest (La Réunion)';
await late.locator('a[href="#/observatoire"]').first().click().catch(() => failures.push('Tasklist de jean-marc.payet : lien « Observatoire » absent'));
if (await appears(late.locator('.cat-grid tr[data-territory]'), 'Observatoire de jean-marc.payet, grille de la cohorte')) {
  await late.locator('.cat-indicators, .cat-observatory .cat-message-error').first().waitFor({timeout: 20000}).catch(() => {});
  const rows = await late.locator('.cat-grid tr[data-territory]').evaluateAll(trs => trs.map(tr => tr.dataset.territory));
  if (rows.join() !== 'cote-ouest') failures.push(`Observatoire de jean-marc.payet : lignes de la cohorte ${rows.join(', ')} (attendu : cote-ouest seule)`);
  const s2 = await late.locator('.cat-grid tr[data-territory=cote-ouest] [data-session=S2]').getAttribute('data-state').catch(() => null);
  if (s2 !== 'OVERDUE') failures.push(`Observatoire de jean-marc.payet : S2 de la Côte Ouest en « ${s2} », pas en retard`);
  await expectText(late, [theirs, 'en retard de', 'Où en sont les partenariats', 'Dialogues de gouvernance'], 'Observatoire de jean-marc.payet');
  const page = await late.locator('.cat-observatory').textContent();
  for (const other of ['Nantes Métropole', 'Grand-Figeac', 'Dunkerque', 'Redon', 'Tarn', 'Mulhouse', 'Clermont', 'Valence', 'Pays Basque', 'Grenoble', 'Ardenne']) {
    if (page.includes(other)) failures.push(`Observatoire de jean-marc.payet : un autre territoire apparaît (« ${other} »)`);
  }
  await frenchOnly(late, '.cat-observatory', 'Observatoire de jean-marc.payet');
  // The S2 cell downloads the file just attached, as an attachment, with the session.
  const file = await late.locator('.cat-grid tr[data-territory=cote-ouest] [data-session=S2] a.cat-cell-document').getAttribute('href')
    .catch(() => null);
  if (!file) failures.push('Observatoire de jean-marc.payet : la cellule S2 ne propose pas le fichier du livrable');
  else {
    const response = await late.request.get(new URL(file, base).href);
    const body = await response.body();
    if (!response.ok() || body.subarray(0, 5).toString() !== '%PDF-'
        || !(response.headers()['content-disposition'] || '').startsWith('attachment')
        || response.headers()['x-content-type-options'] !== 'nosniff') {
      failures.push(`Observatoire de jean-marc.payet : le fichier du livrable S2 ne se télécharge pas (${response.status()})`);
    }
  }
}
await late.setViewportSize({width: 1280, height: 1600});
await late.screenshot({path: `${shots}/tasklist-observatoire-catalyseur.png`, fullPage: true});
await late.context().close();

// A participant who follows no territory gets no link, and the page, opened anyway, says so in French.
const company = await (await browser.newContext({locale: 'en-US', viewport: {width: 1400, height: 900}})).newPage();
await login(company, 'tasklist', 'emma.roux', 'Catalyse-Demo-2026');
await expectText(company, ['Démarrer un processus'], 'Tasklist de emma.roux');
await company.waitForTimeout(3000);
if (await company.locator('a[href="#/observatoire"]').count() > 0) failures.push('Tasklist de emma.roux (entreprise) : lien « Observatoire » visible');
await company.goto(`${base}/camunda/app/tasklist/default/#/observatoire`);
await appears(company.locator('.cat-message-error'), 'Observatoire ouvert par emma.roux, refus en français');
await frenchOnly(company, '.cat-observatory', 'Observatoire ouvert par emma.roux');
await company.context().close();

const cockpit = await (await browser.newContext({locale: 'en-US', viewport: {width: 1400, height: 900}})).newPage();
await login(cockpit, 'cockpit', 'camille.lefebvre', 'Catalyse-Demo-2026');
await expectText(cockpit, ['Instances de processus en cours', 'Définitions de processus', 'Processus'], 'Cockpit de camille.lefebvre');
await cockpit.screenshot({path: `${shots}/cockpit-tableau-de-bord.png`, fullPage: true});

// The programme observatory, read at 1280 px: the demo cohort's four territories late with S2 stand out.
await cockpit.setViewportSize({width: 1280, height: 900});
await cockpit.locator('a[href="#/programme"]').first().click().catch(() => failures.push('Cockpit : entrée « Programme » absente'));
const lateWithS2 = {dunkerque: 'Dunkerque', redon: 'Redon', tarn: 'Tarn', 'cote-ouest': 'Côte Ouest'};
if (await appears(cockpit.locator('.cat-grid tr[data-territory]'), 'Programme, grille de la cohorte')) {
  const summary = await cockpit.locator('.cat-summary').first().textContent();
  for (const [code, name] of Object.entries(lateWithS2)) {
    const row = cockpit.locator(`.cat-grid tr[data-territory="${code}"]`);
    if (await row.count() === 0) {
      failures.push(`Programme : pas de ligne pour ${name}`);
      continue;
    }
    if (!(await row.locator('th').first().textContent()).includes(name)) failures.push(`Programme : la ligne ${code} ne nomme pas ${name}`);
    const cell = row.locator('[data-session=S2]');
    const state = await cell.getAttribute('data-state');
    if (state !== 'OVERDUE' || !(await cell.textContent()).includes('en retard')) failures.push(`Programme : S2 de ${name} n'apparaît pas en retard (${state})`);
    const task = await cell.locator('a:not(.cat-cell-document)').getAttribute('href').catch(() => null);
    if (!task || !task.includes('/camunda/app/tasklist/default/#/?task=')) failures.push(`Programme : S2 de ${name} ne mène pas à sa tâche (${task})`);
    if (!summary.includes(name)) failures.push(`Programme : ${name} absent du résumé des retards (« ${summary.trim()} »)`);
  }
  if (await cockpit.locator('.cat-grid tr[data-territory=nantes] [data-session=S1] a.cat-cell-document').count() === 0) {
    failures.push('Programme : le bilan initial de Nantes (démo) ne propose pas son fichier');
  }
  const onTime = await cockpit.locator('.cat-grid tr[data-territory=nantes] [data-session=S2]').getAttribute('data-state');
  if (onTime === 'OVERDUE') failures.push('Programme : S2 de Nantes en retard alors qu\'il est déposé');
  await expectText(cockpit, ['Territoires pilotes 2026', 'Socle commun', 'Exporter CSV', 'Exporter XLSX'], 'Programme, cohorte');
  await frenchOnly(cockpit, '.cat-observatory', 'Programme, cohorte');
  await exportsWork(cockpit, 'Programme, cohorte');
}
await cockpit.setViewportSize({width: 1280, height: 1900});
await cockpit.screenshot({path: `${shots}/cockpit-programme-cohorte.png`});
for (const [view, texts, ready] of [
  ['partenariats', ['Où en sont les partenariats', 'Réemploi et insertion', 'Cantines durables', 'Tiers-lieu numérique'], '.cat-list tbody tr'],
  ['dialogues', ['Gouvernance des alliances de Nantes Métropole', 'Gouvernance des alliances du Grand-Figeac'], '.cat-observatory tbody tr'],
  ['indicateurs', ['Indicateurs de l’Observatoire'], '.cat-indicator svg']]) {
  await cockpit.locator(`.cat-tabs a[href*="vue=${view}"]`).click().catch(() => failures.push(`Programme : onglet ${view} absent`));
  if (await appears(cockpit.locator(ready), `Programme, ${view}`)) {
    await expectText(cockpit, texts, `Programme, ${view}`);
    await frenchOnly(cockpit, '.cat-observatory', `Programme, ${view}`);
    if (view !== 'indicateurs') await exportsWork(cockpit, `Programme, ${view}`);
    if (view === 'partenariats') {
      await cockpit.locator('.cat-list button[data-sort=name]').click();
      // The server sorts the list (it comes a page at a time): the mark changes once the sorted page is drawn.
      await cockpit.locator('.cat-list th[data-column=name][aria-sort=ascending]').waitFor({timeout: 15000}).catch(() => {});
      const names = (await cockpit.locator('.cat-list tbody th').allTextContents()).map(name => name.trim());
      const sorted = [...names].sort((a, b) => a.localeCompare(b, 'fr'));
      if (names.join('|') !== sorted.join('|') || await cockpit.locator('.cat-list th[data-column=name]').getAttribute('aria-sort') !== 'ascending') {
        failures.push(`Programme, partenariats : le tri par nom ne trie pas (${names.join(', ')})`);
      }
    }
  }
  if (view === 'indicateurs') {
    const definitions = await cockpit.locator('.cat-indicator .cat-info').evaluateAll(marks => marks.map(mark => mark.getAttribute('title') || ''));
    if (!definitions.length || definitions.some(definition => definition.trim().length < 10)) failures.push('Programme, indicateurs : une définition manque (ⓘ)');
  }
  await cockpit.screenshot({path: `${shots}/cockpit-programme-${view}.png`});
}

// A partnership's « Dossier » tab, reached from the list: its name and partners, not raw variables.
await cockpit.setViewportSize({width: 1280, height: 1500});
await cockpit.locator('.cat-tabs a[href*="vue=partenariats"]').click();
await cockpit.locator('.cat-list a', {hasText: 'Réemploi et insertion'}).first().click().catch(() => failures.push('Programme : lien vers le partenariat « Réemploi et insertion » absent'));
await cockpit.getByRole('link', {name: 'Dossier', exact: true}).first().click({timeout: 30000}).catch(() => failures.push('Cockpit : onglet « Dossier » absent'));
if (await appears(cockpit.locator('.cat-dossier'), 'Dossier du partenariat')) {
  await expectText(cockpit, ['Réemploi et insertion', 'Nantes Métropole', 'Solidarités Nantes', 'Coopérative Atlantique', 'Partenaires', 'Journal'], 'Dossier du partenariat');
  await frenchOnly(cockpit, '.cat-dossier', 'Dossier du partenariat');
  // Read as a programme lead would: the tabs enlarged over the diagram.
  const enlarge = cockpit.locator('.hide-collapsable:visible:has(.glyphicon-menu-up)');
  if (await enlarge.count() > 0) await enlarge.last().click().then(() => cockpit.waitForTimeout(1000)).catch(() => {});
}
await cockpit.screenshot({path: `${shots}/cockpit-dossier.png`});

// Any other instance (the cohort's) has no business record: the tab says so in one French line.
await cockpit.locator('a[href="#/programme"]').first().click();
await cockpit.locator('.cat-small-link').first().click().catch(() => failures.push('Programme : lien « voir l’instance » de la cohorte absent'));
await cockpit.getByRole('link', {name: 'Dossier', exact: true}).first().click({timeout: 30000}).catch(() => failures.push('Cockpit, cohorte : onglet « Dossier » absent'));
await expectText(cockpit, ['n’est pas un partenariat'], 'Dossier d’une cohorte');

await browser.close();
if (failures.length) {
  console.error('Webapps pas entièrement en français :\n - ' + failures.join('\n - '));
  process.exit(1);
}
console.log(`Webapps en français : connexion, tâches, Cockpit et observatoire vérifiés (captures dans ${shots}/)`);
