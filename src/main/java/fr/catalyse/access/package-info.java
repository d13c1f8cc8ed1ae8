/**
 * Who may see and do what: role groups, one tenant and one group per role for every territory,
 * authorizations, the operator account and authentication of the REST API.
 */
package fr.catalyse.access;
