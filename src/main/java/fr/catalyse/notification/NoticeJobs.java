package fr.catalyse.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Queues a notice as an engine job of a process instance: it runs on any node at once, is retried with
 * back-off when the mail server is down, and ends as an incident on that instance in Cockpit.
 */
@Component
public class NoticeJobs extends AbstractProcessEnginePlugin {

  static final String TYPE = "catalyse-notice";

  private final List<NoticeSender> senders;
  private final ProcessEngine engine;

  NoticeJobs(@Lazy List<NoticeSender> senders, @Lazy ProcessEngine engine) {
    this.senders = senders;
    this.engine = engine;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomJobHandlers() == null) {
      configuration.setCustomJobHandlers(new ArrayList<>());
    }
    configuration.getCustomJobHandlers().add(new NoticeHandler());
  }

  /** Queues {@code sender.send(argument)} on the process instance, due now. */
  public void schedule(String processInstanceId, String sender, String argument) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
      ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
      TimerEntity job = new TimerEntity();
      job.setJobHandlerType(TYPE);
      job.setJobHandlerConfigurationRaw(new Notice(sender, argument).toCanonicalString());
      job.setDuedate(ClockUtil.getCurrentTime());
      job.setExecution(instance);
      job.setProcessDefinitionId(instance.getProcessDefinitionId());
      job.setProcessDefinitionKey(instance.getProcessDefinition().getKey());
      job.setDeploymentId(instance.getProcessDefinition().getDeploymentId());
      job.setTenantId(instance.getTenantId());
      context.getJobManager().schedule(job);
      return null;
    });
  }

  /** Job configuration: which sender, with what. */
  record Notice(String sender, String argument) implements JobHandlerConfiguration {

    static Notice parse(String canonical) {
      int separator = canonical.indexOf('|');
      return new Notice(canonical.substring(0, separator), canonical.substring(separator + 1));
    }

    @Override
    public String toCanonicalString() {
      return sender + "|" + argument;
    }
  }

  private class NoticeHandler implements JobHandler<Notice> {

    @Override
    public String getType() {
      return TYPE;
    }

    @Override
    public void execute(Notice notice, ExecutionEntity execution, CommandContext context, String tenantId) {
      senders.stream().filter(sender -> sender.name().equals(notice.sender())).findFirst()
          .orElseThrow(() -> new IllegalStateException("Expéditeur inconnu : " + notice.sender()))
          .send(notice.argument());
    }

    @Override
    public Notice newConfiguration(String canonicalString) {
      return Notice.parse(canonicalString);
    }

    @Override
    public void onDelete(Notice configuration, JobEntity job) {
      // nothing attached to a notice job
    }
  }
}
