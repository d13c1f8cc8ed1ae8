// Screenshot-level check of the French webapps, in headless Chromium (Debian's /usr/bin/chromium):
// the Tasklist login page and, logged in as a demo catalyst, the task list with the role filters;
// then Cockpit as a programme lead. Screenshots go to target/screenshots/.
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

const cockpit = await (await browser.newContext({locale: 'en-US', viewport: {width: 1400, height: 900}})).newPage();
await login(cockpit, 'cockpit', 'camille.lefebvre', 'Catalyse-Demo-2026');
await expectText(cockpit, ['Instances de processus en cours', 'Définitions de processus', 'Processus'], 'Cockpit de camille.lefebvre');
await cockpit.screenshot({path: `${shots}/cockpit-tableau-de-bord.png`, fullPage: true});

await browser.close();
if (failures.length) {
  console.error('Webapps pas entièrement en français :\n - ' + failures.join('\n - '));
  process.exit(1);
}
console.log(`Webapps en français : connexion, tâches et Cockpit vérifiés (captures dans ${shots}/)`);
