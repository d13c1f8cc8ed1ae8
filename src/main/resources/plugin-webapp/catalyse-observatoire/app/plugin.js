// The observatory's Cockpit back-end plugin (catalyse-observatoire) must serve this file: Cockpit 7.24
// imports app/plugin.js of every registered plugin when it starts, and a missing one stops Cockpit
// before its login page shows. The observatory's pages are loaded through customScripts in
// app/cockpit/scripts/config.js (like Tasklist's), so this module adds nothing.
export default [];
