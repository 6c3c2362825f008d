package org.adc.random;

/**
 * Seeded, splittable pseudo-random number generator: xoshiro256** (Blackman &amp; Vigna,
 * "Scrambled linear pseudorandom number generators", ACM TOMS 47 (2021) 36) whose 256-bit
 * state is filled by SplitMix64 (Steele, Lea &amp; Flood, OOPSLA 2014).
 *
 * <p>Independent streams are addressed by a pair {@code (seed, stream)}: {@link #forStream}
 * hashes both through SplitMix64, so replica {@code i} of a parallel run always receives the same
 * sequence no matter which thread runs it or how many threads exist. This is what makes the
 * kMC replicas and GCMC μ sweeps of this library independent of the thread count.
 *
 * <p>Not thread-safe: one instance per replica / thread.
 */
public final class StreamRng {
    private long s0, s1, s2, s3;

    /**
     * Generator for a single seed (equivalent to {@code forStream(seed, 0)}).
     *
     * @param seed any 64-bit value
     */
    public StreamRng(long seed) {
        this(seed, 0L);
    }

    private StreamRng(long seed, long stream) {
        long x = seed ^ (0x9E3779B97F4A7C15L * (stream + 0x632BE59BD9B4E019L));
        x = mix(x + stream * 0xD1B54A32D192ED03L);
        long[] sm = {x};
        s0 = splitMix(sm);
        s1 = splitMix(sm);
        s2 = splitMix(sm);
        s3 = splitMix(sm);
        if ((s0 | s1 | s2 | s3) == 0) {
            s0 = 1;
        }
    }

    /**
     * Generator for stream {@code stream} of master seed {@code seed}.
     *
     * @param seed   master seed of the whole run
     * @param stream replica / task index (0, 1, 2, ...)
     * @return a new generator, a pure function of {@code (seed, stream)}
     */
    public static StreamRng forStream(long seed, long stream) {
        return new StreamRng(seed, stream);
    }

    private static long splitMix(long[] state) {
        long z = (state[0] += 0x9E3779B97F4A7C15L);
        return mix(z);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return next 64 uniformly distributed bits */
    public long nextLong() {
        final long result = Long.rotateLeft(s1 * 5, 7) * 9;
        final long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** @return uniform double in [0, 1) with 53 random bits */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** @return uniform double in (0, 1], safe as the argument of a logarithm */
    public double nextOpenDouble() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    /**
     * Uniform integer in [0, bound) by Lemire's multiply-shift with rejection (unbiased).
     *
     * @param bound exclusive upper bound, &gt; 0
     * @return the integer
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long l = m & 0xFFFFFFFFL;
        if (l < bound) {
            long t = (0x1_0000_0000L - bound) % bound;
            while (l < t) {
                m = (nextLong() >>> 32) * bound;
                l = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** @return a unit-mean exponential variate, −ln(u) with u in (0, 1] */
    public double nextExponential() {
        return -Math.log(nextOpenDouble());
    }
}
