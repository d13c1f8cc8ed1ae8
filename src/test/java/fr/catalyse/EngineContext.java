package fr.catalyse;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.context.ApplicationContext;

/**
 * The Spring context an engine runs in, for scenario helpers that receive only the engine
 * (e.g. to attach a signed convention with the documents module): the engine's
 * configuration keeps it, without a getter.
 */
public final class EngineContext {

    private EngineContext() {
    }

    public static <T> T bean(ProcessEngine engine, Class<T> type) {
        try {
            Field context = SpringProcessEngineConfiguration.class.getDeclaredField("applicationContext");
            context.setAccessible(true);
            return ((ApplicationContext) context.get(engine.getProcessEngineConfiguration())).getBean(type);
        }
        catch (ReflectiveOperationException changedEngine) {
            throw new IllegalStateException(changedEngine);
        }
    }

}
