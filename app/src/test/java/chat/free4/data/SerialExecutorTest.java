package chat.free4.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** A channel's event queue is bounded: a peer that outruns the handlers cannot fill the heap. */
class SerialExecutorTest {
    /** The backing executor holds the drain task until the test runs it, like a busy pool. */
    private final List<Runnable> backing = new ArrayList<>();

    private void runBacking() {
        List<Runnable> now = new ArrayList<>(backing);
        backing.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void refusesTasksBeyondItsCapacityAndKeepsOrder() {
        SerialExecutor serial = new SerialExecutor(backing::add);
        List<Integer> ran = new ArrayList<>();
        int accepted = 0;
        RejectedExecutionException refused = null;
        while (accepted < 1_000_000) {
            int n = accepted;
            try {
                serial.execute(() -> ran.add(n));
            } catch (RejectedExecutionException e) {
                refused = e;
                break;
            }
            accepted++;
        }
        assertTrue(refused != null, "a million queued tasks were all accepted");
        assertEquals(SerialExecutor.DEFAULT_CAPACITY, accepted);
        runBacking();
        assertEquals(accepted, ran.size());
        for (int i = 0; i < ran.size(); i++) {
            assertEquals(i, ran.get(i));
        }
        serial.execute(() -> ran.add(-1)); // room again once drained
        runBacking();
        assertEquals(-1, ran.get(ran.size() - 1));
        assertThrows(IllegalArgumentException.class, () -> new SerialExecutor(backing::add, 0));
    }
}
