// Tasklist plugin of documents (loaded through customScripts in config.js): a « Documents » tab on
// every task, where people attach the files the task expects (deliverable, signed convention, minutes,
// evaluation synthesis), replace or remove their own until the task is completed, and download them.
// Drawn by ../../catalyse/documents.js.
import {renderTaskDocuments} from '../../catalyse/documents.js';
import {renderings} from '../../catalyse/observatoire.js';

const tabs = renderings();

export default {
  id: 'catalyse-documents',
  pluginPoint: 'tasklist.task.detail',
  // Right after the form.
  priority: 900,
  render(node, {api, taskId}) {
    tabs.keep(node, renderTaskDocuments(node, {api, taskId}));
  },
  unmount: tabs.unmount,
  properties: {label: 'Documents'}
};
