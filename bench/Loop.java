/** The reference for bench/loop.adc: the same counted loop in plain Java, best of several runs after warm-up. */
public final class Loop {
    static long sum(long n) {
        long s = 0;
        for (long i = 0; i < n; i++) {
            s += i;
        }
        return s;
    }

    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 100_000_000L;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        for (int k = 0; k < 300; k++) {
            sum(100_000);
        }
        double best = Double.MAX_VALUE;
        long check = 0;
        for (int k = 0; k < repeats; k++) {
            long t0 = System.nanoTime();
            check += sum(n);
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        System.out.printf("best %.4f s (checksum %d)%n", best, check);
    }
}
