// Tasklist of Catalyse: French, branded; the keyboard shortcuts are Camunda's own.
import {locales, dateFormat, app} from '../../catalyse/settings.js';

export default {
  app: app('Tâches'),
  locales,
  dateFormat,
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'prendre en charge la tâche sélectionnée'},
    focusFilter: {key: 'ctrl+shift+f', description: 'aller au premier filtre de la liste'},
    focusList: {key: 'ctrl+alt+l', description: 'aller à la première tâche de la liste'},
    focusForm: {key: 'ctrl+alt+f', description: 'aller au premier champ du formulaire de la tâche'},
    startProcess: {key: 'ctrl+alt+p', description: 'ouvrir la fenêtre « Démarrer un processus »'}
  }
};
