// Settings shared by the configuration of every Camunda webapp of Catalyse (scripts/config.js).
//
// Participants read the webapps in French, whatever their browser's language. English stays
// available: open any webapp once with ?lang=en (and ?lang=fr to come back); the choice is kept
// in this browser.
const wanted = new URLSearchParams(window.location.search).get('lang');
if (wanted === 'en' || wanted === 'fr') {
  window.localStorage.setItem('catalyse-lang', wanted);
}
const language = window.localStorage.getItem('catalyse-lang') === 'en' ? 'en' : 'fr';

export const locales = {availableLocales: [language], fallbackLocale: language};

export const dateFormat = {normal: 'LLL', long: 'LLLL'};

export function app(name) {
  return {name, vendor: 'Catalyse'};
}
