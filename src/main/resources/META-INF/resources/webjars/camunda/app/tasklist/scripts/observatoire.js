// Tasklist plugins of the programme observatory (loaded through customScripts in config.js), for
// those who follow territories without Cockpit — catalysts (their own territories) and the
// steering committee: an « Observatoire » link in the header, shown only to whom the observatory
// answers, and its page (#/observatoire), drawn by ../../catalyse/observatoire.js.
import {mayObserve, renderTerritories, renderings} from '../../catalyse/observatoire.js';

const pages = renderings();

export default [
  {
    id: 'catalyse-observatoire-link',
    pluginPoint: 'tasklist.navbar.action',
    priority: 50,
    render(node, {api}) {
      mayObserve(api).then(allowed => {
        if (allowed) {
          node.innerHTML = '<a href="#/observatoire" title="Cohorte, partenariats et dialogue de gouvernance de vos territoires">'
            + '<span class="glyphicon glyphicon-stats" aria-hidden="true"></span> Observatoire</a>';
        }
      });
    }
  },
  {
    id: 'catalyse-observatoire-page',
    pluginPoint: 'tasklist.route',
    priority: 0,
    render(node, {api}) {
      pages.keep(node, renderTerritories(node, {api, route: '/observatoire'}));
    },
    unmount: pages.unmount,
    properties: {path: '/observatoire'}
  }
];
