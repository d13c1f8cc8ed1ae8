package fr.catalyse.platform;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Work a listener or delegate does on the application's behalf inside the engine command
 * of a person (their task completion, their start): reading the directory, the deployed
 * form, the other tasks of the instance, creating accounts. The engine has no public API
 * for it: inside a command, the command context's {@code runWithoutAuthorization} is the
 * only switch (listed in docs/engine-internals.md); outside any command the work runs as
 * it is, each API call then being a command of its own with the caller's checks.
 */
public final class WithoutAuthorization {

    private WithoutAuthorization() {
    }

    public static <T> T call(Callable<T> work) {
        try {
            return Context.getCommandContext() == null ? work.call()
                    : Context.getCommandContext().runWithoutAuthorization(work);
        }
        catch (RuntimeException failure) {
            throw failure;
        }
        catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

}
