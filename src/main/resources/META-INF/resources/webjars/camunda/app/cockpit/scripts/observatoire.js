// Cockpit plugins of the programme observatory (loaded through customScripts in config.js):
// a « Programme » entry in the navigation, its page (#/programme), and a « Dossier » tab on
// process instances. The pages themselves are drawn by ../../catalyse/observatoire.js.
import {renderDossier, renderProgramme, renderings} from '../../catalyse/observatoire.js';

const pages = renderings();
const tabs = renderings();

export default [
  {
    id: 'catalyse-programme-navigation',
    pluginPoint: 'cockpit.navigation',
    // Before « Processus » (100): the programme's questions come first.
    priority: 200,
    render(node) {
      node.innerHTML = '<a href="#/programme">Programme</a>';
    },
    checkActive: url => url.includes('#/programme'),
    properties: {pagePath: '#/programme', label: 'Programme'}
  },
  {
    id: 'catalyse-programme-page',
    pluginPoint: 'cockpit.route',
    priority: 0,
    render(node, {api}) {
      pages.keep(node, renderProgramme(node, {api, app: 'cockpit', route: '/programme'}));
    },
    unmount: pages.unmount,
    properties: {path: '/programme'}
  },
  {
    id: 'catalyse-dossier',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    // Before « Variables » and the other engine tabs.
    priority: 100,
    render(node, {api, processInstanceId}) {
      tabs.keep(node, renderDossier(node, {api, processInstanceId}));
    },
    unmount: tabs.unmount,
    properties: {label: 'Dossier'}
  }
];
