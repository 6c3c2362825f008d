package org.adc.gcmc;

/**
 * Mean and standard error of a correlated time series by blocking (Flyvbjerg &amp; Petersen, J.
 * Chem. Phys. 91 (1989) 461): the series is repeatedly halved by averaging neighbour pairs; the
 * error estimate σ_k = √(var_k / (n_k − 1)) rises with k until blocks are uncorrelated and then
 * plateaus. The reported error is the maximum over levels with at least 16 blocks (a conservative
 * plateau estimate).
 *
 * @param mean        sample mean
 * @param stderr      standard error of the mean (blocking estimate)
 * @param samples     number of samples
 * @param naiveStderr error assuming independent samples
 */
public record BlockAverage(double mean, double stderr, int samples, double naiveStderr) {
    /**
     * @param x series (length &ge; 2)
     * @return mean and blocking error
     */
    public static BlockAverage of(double[] x) {
        int n = x.length;
        if (n < 2) {
            throw new GcmcException("block average needs at least 2 samples, got " + n);
        }
        double[] a = x.clone();
        double mean = 0;
        for (double v : a) {
            mean += v;
        }
        mean /= n;
        double best = 0, naive = 0;
        int m = n;
        boolean first = true;
        while (m >= 16) {
            double var = 0;
            for (int i = 0; i < m; i++) {
                double d = a[i] - mean;
                var += d * d;
            }
            var /= m;
            double err = Math.sqrt(var / (m - 1));
            if (first) {
                naive = err;
                first = false;
            }
            best = Math.max(best, err);
            int h = m / 2;
            for (int i = 0; i < h; i++) {
                a[i] = 0.5 * (a[2 * i] + a[2 * i + 1]);
            }
            // blocks are averaged over the first 2h samples; the mean of blocks may differ slightly from mean
            double bm = 0;
            for (int i = 0; i < h; i++) {
                bm += a[i];
            }
            mean = h > 0 ? bm / h : mean;
            m = h;
        }
        double fullMean = 0;
        for (double v : x) {
            fullMean += v;
        }
        fullMean /= n;
        if (first) { // fewer than 16 samples
            double var = 0;
            for (double v : x) {
                var += (v - fullMean) * (v - fullMean);
            }
            naive = Math.sqrt(var / n / (n - 1));
            best = naive;
        }
        return new BlockAverage(fullMean, best, n, naive);
    }
}
