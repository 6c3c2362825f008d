package org.adc.device.driver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A transport for unit tests: every written line goes to a responder (a fake instrument) whose
 * answer, if not null, becomes the next line to read. {@link #cut()} simulates a lost link: every
 * later read or write fails until {@link #restore()}.
 */
public final class InMemoryTransport implements Transport {
    private final Function<String, String> responder;
    private final List<String> sent = new ArrayList<>();
    private final Deque<String> replies = new ArrayDeque<>();
    private boolean open;
    private boolean cut;
    private int opens;
    private int failReads;

    /** @param responder maps a command line to its reply line, or null for commands without a reply */
    public InMemoryTransport(Function<String, String> responder) {
        this.responder = responder;
    }

    /** Every line written so far, in order. */
    public List<String> sent() {
        return sent;
    }

    /** How often the link was opened (reconnects count). */
    public int opens() {
        return opens;
    }

    /** The next {@code n} reads time out (a dropped reply); the link itself stays usable. */
    public void failNextReads(int n) {
        failReads = n;
    }

    /** The link goes away: reads, writes and opens fail. */
    public void cut() {
        cut = true;
        open = false;
    }

    /** The link comes back (a later open succeeds). */
    public void restore() {
        cut = false;
    }

    @Override
    public void open() {
        if (cut) {
            throw new LinkLostException("in-memory link is cut");
        }
        open = true;
        opens++;
        replies.clear();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void drain() {
        replies.clear();
    }

    @Override
    public void writeLine(String line) {
        if (!open || cut) {
            throw new LinkLostException("in-memory link is cut (write '" + line + "')");
        }
        sent.add(line);
        String r = responder.apply(line);
        if (r != null) {
            replies.add(r);
        }
    }

    @Override
    public String readLine() {
        if (!open || cut) {
            throw new LinkLostException("in-memory link is cut (read)");
        }
        if (failReads > 0) {
            failReads--;
            replies.clear();
            throw new LinkLostException("no reply from in-memory instrument (dropped)");
        }
        if (replies.isEmpty()) {
            throw new LinkLostException("no reply from in-memory instrument");
        }
        return replies.poll();
    }

    @Override
    public String describe() {
        return "in-memory";
    }

    @Override
    public void close() {
        open = false;
    }
}
