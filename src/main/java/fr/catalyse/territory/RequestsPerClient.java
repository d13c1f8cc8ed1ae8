package fr.catalyse.territory;

import fr.catalyse.platform.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many requests each client address made in its current window, in this node's
 * memory: a fixed window opens with an address's first request and closes {@code window}
 * later. Addresses whose window closed are forgotten when many are tracked; if
 * {@link #MAX_TRACKED} addresses are still counting (a flood from many addresses),
 * newcomers are refused until windows close rather than letting memory grow. Times are
 * the engine's clock, as for the account limits.
 */
final class RequestsPerClient {

    static final int MAX_TRACKED = 10_000;

    private final int allowed;

    private final Duration window;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RequestsPerClient(int allowed, Duration window) {
        this.allowed = allowed;
        this.window = window;
    }

    /**
     * Counts one request of the address; false when it is past its allowance for the
     * current window.
     */
    boolean allow(String address) {
        Instant now = EngineClock.now();
        if (windows.size() >= MAX_TRACKED) {
            windows.values().removeIf(counted -> counted.closedAt(now));
            if (windows.size() >= MAX_TRACKED && !windows.containsKey(address)) {
                return false;
            }
        }
        Window counted = windows.compute(address, (key, current) -> current == null || current.closedAt(now)
                ? new Window(now.plus(window), 1) : current.next());
        return counted.requests() <= allowed;
    }

    private record Window(Instant closes, int requests) {

        boolean closedAt(Instant now) {
            return !now.isBefore(closes);
        }

        Window next() {
            return new Window(closes, requests == Integer.MAX_VALUE ? requests : requests + 1);
        }
    }

}
