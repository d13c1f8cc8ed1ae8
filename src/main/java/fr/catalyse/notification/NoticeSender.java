package fr.catalyse.notification;

/**
 * Sends a notice that no task carries (e.g. a session's updated calendar invitation) from an engine
 * job, so that it is retried with back-off and shows as an incident when it cannot leave.
 */
public interface NoticeSender {

  /** Unique name, stored in the job. */
  String name();

  /** @param argument what to send, as given to {@link NoticeJobs#schedule} */
  void send(String argument);
}
