/**
 * The embedded demonstration: participants, programme data a newcomer can click through, and a
 * mailbox page showing the emails Catalyse sends. Active with catalyse.demo.enabled (profile demo).
 */
package fr.catalyse.demo;
