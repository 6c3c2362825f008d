package org.adc.kmc;

import org.adc.units.Constants;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.adc.random.StreamRng;

/**
 * Rejection-free lattice kinetic Monte Carlo (BKL / Gillespie "direct method": Bortz, Kalos &amp;
 * Lebowitz, J. Comput. Phys. 17 (1975) 10; Gillespie, J. Comput. Phys. 22 (1976) 403).
 *
 * <p><b>Model.</b> Every site holds a code: {@link #VACANCY} (0) or a species code 1..S
 * ({@link #speciesCode(String)}). Events are (a) hops {@code h} of the {@link Lattice}: a particle of
 * a mobile species on the source moves to the vacant target, rate ν0·exp(−Ea/(kB T)) with (Ea, ν0)
 * from the {@link BarrierTable} keyed by (species, path, environment) or from a
 * {@link HopBarrierFunction}; (b) extraction / injection at {@link Reservoir} sites.
 * kB = 8.617333262e-5 eV/K (CODATA 2018).
 *
 * <p><b>Selection, O(log C).</b> Events with the same (ν0, Ea) form a <em>rate class</em>; each class
 * keeps an unordered bucket of its active events (O(1) insert/remove by swap-with-last). A
 * {@link SumTree} over classes holds n_c·k_c(T). An event is selected by descending the tree
 * (class ∝ n_c k_c) and then uniformly within the bucket — exactly the BKL probability k_e/Σk. After
 * an event only the hops into and out of the two end sites (and reservoir events there) are
 * re-classified: local updates, O(z log C). With a table of C barriers C is small; a user barrier
 * function can create one class per distinct (ν0, Ea) and the tree is then O(log N).
 *
 * <p><b>Time, including T(t).</b> Between events the configuration is fixed, so the total rate is
 * R(t) = Σ_c n_c ν_c exp(−Ea_c / kB T(t)). The waiting time τ of a non-homogeneous Poisson process
 * solves ∫_t^{t+τ} R(s) ds = E with E ~ Exp(1) (Prados, Brey &amp; Sánchez-Rey, J. Stat. Phys. 89
 * (1997) 709; Jansen, Comput. Phys. Commun. 86 (1995) 1). At constant T (holds, or after the
 * program ends) this is τ = E/R exactly. On ramps the integral is accumulated over sub-intervals
 * of at most 0.5 K with 4-point Gauss–Legendre quadrature and the final sub-interval is solved for
 * τ by safeguarded Newton iteration (relative tolerance 1e-12). The event is then chosen with the
 * rates at T(t+τ). This is exact up to quadrature error (~1e-12 relative), unlike the common
 * approximation of freezing T during a step.
 *
 * <p><b>Determinism.</b> All randomness comes from one {@link StreamRng}; the trajectory is a pure
 * function of the seed and of the sequence of run calls (a run stopping at tEnd discards the
 * pending event, which is exact by memorylessness of the Poisson process).
 *
 * <p>Not thread-safe; run independent replicas with {@link org.adc.random.ParallelTasks}.
 */
public final class KmcSimulation {
    /** Site code of an empty site. */
    public static final int VACANCY = 0;
    private static final double[] GL_X = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563,
        0.8611363115940526};
    private static final double[] GL_W = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461,
        0.3478548451374538};

    private final Lattice lat;
    private final String[] speciesNames; // index = code, [0] = "Va"
    private final boolean[] mobile;
    /** Species code per site (one byte: locality of the neighbourhood reads), {@link #VACANCY} for empty. */
    private final byte[] occ;
    private final int[] pid;
    private final TemperatureProgram program;
    private final boolean constantProgram;
    private final StreamRng rng;
    private final HopBarrierFunction fn;
    private final boolean fnNeighbours;
    private final int[][] kindClass; // [species code][kind] -> class, -1 forbidden
    private int[] flatClass; // [species code * kinds + kind] -> class; -1 for vacancy / immobile / forbidden
    private final double[] fieldShift; // [species code * kinds + kind] -> ½ z E·d in eV (subtracted from Ea)
    private final int nKinds;

    // rate classes
    private double[] cNu = new double[8];
    private double[] cEa = new double[8];
    private double[] cRate = new double[8];
    private int[] cCount = new int[8];
    private int[][] cMembers = new int[8][];
    private int nClasses;
    private final Map<Barrier, Integer> classIds = new HashMap<>();
    private final SumTree tree = new SumTree(8);
    private int[] dirty = new int[8];
    private boolean[] isDirty = new boolean[8];
    private int nDirty;
    private boolean deferTree;
    private double[] weightScratch = new double[8];

    // events
    private final int nHops;
    private final int[] ev; // per event {class (-1 inactive), position in the class bucket}
    /** Per-vacancy event lists (table model without reservoirs), or null for the per-hop catalogue. */
    private final VacancyEventLists vel;

    // reservoirs
    private final Reservoir[] reservoirs;
    private final int[] slotSite;
    private final int[] slotSpecies;
    private final int[] slotExtractClass;
    private final int[] slotInjectClass;
    private final int[] slotReservoir;
    private final int[] siteSlotStart;
    private final int[] siteSlots;
    private final long[] extracted;
    private final long[] injected;

    // particles
    private int np;
    /** Per particle {dx, dy, dz, Σλ²} interleaved: one cache line per hop instead of four. */
    private double[] pd = new double[64];
    private int[] pspecies = new int[16];
    /** Per particle: its initial site while on the lattice, −1 once extracted. */
    private int[] psite = new int[16];
    private final double[] colX, colY, colZ, hopSq;
    private final long[] jumps;
    private final long[] kindHops;

    private double time;
    private double temperature;
    private long events;

    private KmcSimulation(Builder b) {
        this.lat = b.lattice;
        this.speciesNames = b.species.toArray(new String[0]);
        this.mobile = new boolean[speciesNames.length];
        boolean anyMobile = false;
        for (int s = 1; s < speciesNames.length; s++) {
            mobile[s] = b.mobile.get(s);
            anyMobile |= mobile[s];
        }
        if (!anyMobile) {
            throw new KmcException("no mobile species defined (declare one with species(name))");
        }
        if (b.program == null) {
            throw new KmcException("no temperature given (temperature(K) or temperature(program))");
        }
        this.program = b.program;
        this.constantProgram = b.program.duration() == 0.0;
        this.rng = b.rng != null ? b.rng : new StreamRng(b.seed);
        this.fn = b.fn;
        this.fnNeighbours = b.fnNeighbours;
        int n = lat.siteCount();
        this.occ = new byte[n];
        this.pid = new int[n];
        Arrays.fill(pid, -1);
        for (Consumer<KmcSimulation> op : b.ops) {
            op.accept(this);
        }
        int ns = speciesNames.length;
        colX = new double[ns];
        colY = new double[ns];
        colZ = new double[ns];
        hopSq = new double[ns];
        jumps = new long[ns];
        kindHops = new long[lat.kindCount()];
        for (int i = 0; i < n; i++) {
            if (occ[i] != VACANCY) {
                pid[i] = newParticle(occ[i], i);
            }
        }
        this.temperature = program.temperatureAt(0.0);
        // classes for (species, kind) from the table
        kindClass = new int[ns][];
        nKinds = lat.kindCount();
        fieldShift = new double[ns * nKinds];
        for (Map.Entry<String, Integer> ch : b.charges.entrySet()) {
            int s = speciesCode(ch.getKey());
            for (int k = 0; k < nKinds; k++) {
                double edot = b.field[0] * lat.kindVector(k, 0) + b.field[1] * lat.kindVector(k, 1)
                        + b.field[2] * lat.kindVector(k, 2);
                fieldShift[s * nKinds + k] = 0.5 * ch.getValue() * edot;
            }
        }
        if (fn == null) {
            if (b.table == null) {
                throw new KmcException("no barrier table or barrier function given");
            }
            for (int s = 1; s < ns; s++) {
                if (!mobile[s]) {
                    continue;
                }
                kindClass[s] = new int[lat.kindCount()];
                for (int k = 0; k < lat.kindCount(); k++) {
                    Barrier bar = b.table.lookup(speciesNames[s], lat.kindPath(k), lat.kindEnvironment(k));
                    kindClass[s][k] = bar == null ? -1 : classOf(shifted(bar, s, k));
                }
            }
            flatClass = new int[ns * nKinds];
            Arrays.fill(flatClass, -1);
            for (int s = 1; s < ns; s++) {
                if (kindClass[s] != null) {
                    System.arraycopy(kindClass[s], 0, flatClass, s * nKinds, nKinds);
                }
            }
        }
        // reservoirs
        this.reservoirs = b.reservoirs.toArray(new Reservoir[0]);
        int slots = 0;
        for (Reservoir r : reservoirs) {
            int sp = speciesCode(r.species());
            if (!mobile[sp]) {
                throw new KmcException("reservoir " + r.name() + " exchanges species " + r.species()
                        + " which is not mobile");
            }
            for (int s : r.sites()) {
                if (s < 0 || s >= n) {
                    throw new KmcException("reservoir " + r.name() + " refers to missing site " + s);
                }
            }
            slots += r.sites().length;
        }
        slotSite = new int[slots];
        slotSpecies = new int[slots];
        slotExtractClass = new int[slots];
        slotInjectClass = new int[slots];
        slotReservoir = new int[slots];
        extracted = new long[reservoirs.length];
        injected = new long[reservoirs.length];
        int q = 0;
        siteSlotStart = new int[n + 1];
        for (int r = 0; r < reservoirs.length; r++) {
            Reservoir res = reservoirs[r];
            int ce = res.extract() == null ? -1 : res.capacity() > 0 ? newClass(res.extract()) : classOf(res.extract());
            int ci = res.inject() == null ? -1 : classOf(res.inject());
            for (int s : res.sites()) {
                slotSite[q] = s;
                slotSpecies[q] = speciesCode(res.species());
                slotExtractClass[q] = ce;
                slotInjectClass[q] = ci;
                slotReservoir[q] = r;
                siteSlotStart[s + 1]++;
                q++;
            }
        }
        for (int i = 0; i < n; i++) {
            siteSlotStart[i + 1] += siteSlotStart[i];
        }
        siteSlots = new int[slots];
        int[] fill = Arrays.copyOf(siteSlotStart, n);
        for (int k = 0; k < slots; k++) {
            siteSlots[fill[slotSite[k]]++] = k;
        }
        boolean anyParticle = false;
        for (int i = 0; i < n && !anyParticle; i++) {
            anyParticle = occ[i] != VACANCY && mobile[occ[i]];
        }
        boolean anySource = false;
        for (Reservoir r : reservoirs) {
            anySource |= r.inject() != null;
        }
        if (!anyParticle && !anySource) {
            throw new KmcException("the lattice holds no particle of a mobile species and no reservoir injects one");
        }
        nHops = lat.hopCount();
        VacancyEventLists lists = null;
        if (fn == null && slots == 0 && !b.perHopCatalogue) {
            refreshRates();
            lists = VacancyEventLists.create(lat, occ, flatClass, nKinds, nClasses, cCount, cRate);
        }
        vel = lists;
        if (vel != null) {
            ev = new int[0];
            return;
        }
        int ne = nHops + 2 * slots;
        ev = new int[2 * ne];
        for (int e = 0; e < ne; e++) {
            ev[2 * e] = -1;
        }
        refreshRates();
        for (int e = 0; e < ne; e++) {
            refreshEvent(e);
        }
    }

    /**
     * @param lattice the lattice
     * @return a builder
     */
    public static Builder builder(Lattice lattice) {
        return new Builder(lattice);
    }

    /** Configuration of a {@link KmcSimulation}; operations on occupations apply in call order. */
    public static final class Builder {
        private final Lattice lattice;
        private final List<String> species = new ArrayList<>(List.of("Va"));
        private final List<Boolean> mobile = new ArrayList<>(List.of(false));
        private final List<Consumer<KmcSimulation>> ops = new ArrayList<>();
        private final List<Reservoir> reservoirs = new ArrayList<>();
        private BarrierTable table;
        private HopBarrierFunction fn;
        private boolean fnNeighbours;
        private TemperatureProgram program;
        private final double[] field = new double[3];
        private final Map<String, Integer> charges = new HashMap<>();
        private long seed;
        private StreamRng rng;
        private boolean perHopCatalogue;

        private Builder(Lattice lattice) {
            this.lattice = lattice;
        }

        /**
         * @param name mobile species name (code = order of declaration, from 1)
         * @return this
         */
        public Builder species(String name) {
            return addSpecies(name, true);
        }

        /**
         * @param name immobile species name ("other": blocks sites, never hops)
         * @return this
         */
        public Builder immobileSpecies(String name) {
            return addSpecies(name, false);
        }

        private Builder addSpecies(String name, boolean mob) {
            if (species.contains(name)) {
                throw new KmcException("species " + name + " declared twice");
            }
            species.add(name);
            mobile.add(mob);
            return this;
        }

        /**
         * Uniform electric field acting on charged species: a hop with displacement d (Å) of a particle
         * of charge number z gets Ea' = Ea − ½ z (E·d) (eV, with E in V/Å), i.e. the barrier is
         * tilted symmetrically about the saddle midway along the hop (linear-response hopping model:
         * Mott &amp; Gurney, "Electronic Processes in Ionic Crystals" (1940) ch. II; used for field-driven
         * ionic kMC). The forward/backward rate ratio is exp(z E·d / kB T), as detailed balance in the
         * potential −z E·r requires. The field is constant in time.
         *
         * @param ex field x in V/Å (1 V/Å = 1e10 V/m)
         * @param ey field y in V/Å
         * @param ez field z in V/Å
         * @return this
         */
        public Builder electricField(double ex, double ey, double ez) {
            if (!(Double.isFinite(ex) && Double.isFinite(ey) && Double.isFinite(ez))) {
                throw new KmcException("electric field components must be finite V/Å");
            }
            field[0] = ex;
            field[1] = ey;
            field[2] = ez;
            return this;
        }

        /**
         * @param species species name
         * @param z       charge number (e.g. +1 for Na⁺); default 0 (field has no effect)
         * @return this
         */
        public Builder charge(String species, int z) {
            charges.put(species, z);
            return this;
        }

        /**
         * @param t barrier table
         * @return this
         */
        public Builder barriers(BarrierTable t) {
            this.table = t;
            return this;
        }

        /**
         * @param f                   user barrier function (replaces the table)
         * @param dependsOnNeighbours true if f reads occupations beyond the two end sites (first shell)
         * @return this
         */
        public Builder barrierFunction(HopBarrierFunction f, boolean dependsOnNeighbours) {
            this.fn = f;
            this.fnNeighbours = dependsOnNeighbours;
            return this;
        }

        /**
         * @param kelvin constant temperature in K
         * @return this
         */
        public Builder temperature(double kelvin) {
            this.program = TemperatureProgram.constant(kelvin);
            return this;
        }

        /**
         * @param p temperature program T(t)
         * @return this
         */
        public Builder temperature(TemperatureProgram p) {
            this.program = p;
            return this;
        }

        /**
         * @param s seed of the random stream
         * @return this
         */
        public Builder seed(long s) {
            this.seed = s;
            this.rng = null;
            return this;
        }

        /**
         * @param r random stream to use (e.g. a replica stream)
         * @return this
         */
        public Builder rng(StreamRng r) {
            this.rng = r;
            return this;
        }

        /**
         * Use the per-hop event catalogue (rate-class buckets of hops) even where the per-vacancy event
         * lists apply; both sample the same process (for tests and comparisons).
         *
         * @return this
         */
        public Builder perHopCatalogue() {
            this.perHopCatalogue = true;
            return this;
        }

        /**
         * @param r sink/source
         * @return this
         */
        public Builder reservoir(Reservoir r) {
            reservoirs.add(r);
            return this;
        }

        /**
         * @param name species to put on every site
         * @return this
         */
        public Builder fill(String name) {
            ops.add(sim -> Arrays.fill(sim.occ, (byte) sim.speciesCode(name)));
            return this;
        }

        /**
         * @param site site index
         * @param name species name, or "Va" for a vacancy
         * @return this
         */
        public Builder set(int site, String name) {
            ops.add(sim -> {
                if (site < 0 || site >= sim.occ.length) {
                    throw new KmcException("site " + site + " does not exist (n=" + sim.occ.length + ")");
                }
                sim.occ[site] = (byte) (name.equals("Va") ? VACANCY : sim.speciesCode(name));
            });
            return this;
        }

        /**
         * Occupy {@code count} randomly chosen sites that currently hold {@code from} with {@code name}
         * (drawn from the simulation's own stream, so it is fixed by the seed).
         *
         * @param name  species to place ("Va" to create vacancies)
         * @param from  species currently on the candidate sites ("Va" for empty sites)
         * @param count number of sites
         * @return this
         */
        public Builder randomReplace(String from, String name, int count) {
            ops.add(sim -> {
                int fc = from.equals("Va") ? VACANCY : sim.speciesCode(from);
                int tc = name.equals("Va") ? VACANCY : sim.speciesCode(name);
                int[] cand = new int[sim.occ.length];
                int m = 0;
                for (int i = 0; i < sim.occ.length; i++) {
                    if (sim.occ[i] == fc) {
                        cand[m++] = i;
                    }
                }
                if (count < 0 || count > m) {
                    throw new KmcException("cannot place " + count + " " + name + " on " + m + " sites holding " + from);
                }
                for (int k = 0; k < count; k++) { // partial Fisher-Yates
                    int j = k + sim.rng.nextInt(m - k);
                    int tmp = cand[k];
                    cand[k] = cand[j];
                    cand[j] = tmp;
                    sim.occ[cand[k]] = (byte) tc;
                }
            });
            return this;
        }

        /**
         * @return the simulation
         * @throws KmcException for missing barriers, bad rates, no mobile species, bad sites
         */
        public KmcSimulation build() {
            return new KmcSimulation(this);
        }
    }

    // ---------------------------------------------------------------- classes and events

    private int classOf(Barrier b) {
        Integer id = classIds.get(b);
        if (id != null) {
            return id;
        }
        int c = newClass(b);
        classIds.put(b, c);
        return c;
    }

    /** A rate class of its own (not shared with equal barriers): a reservoir whose rate changes during the run. */
    private int newClass(Barrier b) {
        int c = nClasses++;
        if (c == cNu.length) {
            int m = 2 * c;
            cNu = Arrays.copyOf(cNu, m);
            cEa = Arrays.copyOf(cEa, m);
            cRate = Arrays.copyOf(cRate, m);
            cCount = Arrays.copyOf(cCount, m);
            cMembers = Arrays.copyOf(cMembers, m);
            isDirty = Arrays.copyOf(isDirty, m);
        }
        cNu[c] = b.nu0();
        cEa[c] = b.ea();
        cRate[c] = b.rate(temperature);
        if (!Double.isFinite(cRate[c])) {
            throw new KmcException("rate of barrier " + b + " at " + temperature + " K is not finite");
        }
        cMembers[c] = new int[4];
        return c;
    }

    private Barrier shifted(Barrier b, int species, int kind) {
        double d = fieldShift[species * nKinds + kind];
        return d == 0.0 ? b : new Barrier(b.ea() - d, b.nu0());
    }

    private void refreshRates() {
        double kt = Constants.KB_EV * temperature;
        if (weightScratch.length < nClasses) {
            weightScratch = new double[cNu.length];
        }
        for (int c = 0; c < nClasses; c++) {
            cRate[c] = cNu[c] * Math.exp(-cEa[c] / kt);
            if (!Double.isFinite(cRate[c])) {
                throw new KmcException("rate (ν0=" + cNu[c] + " 1/s, Ea=" + cEa[c] + " eV) at " + temperature
                        + " K is not finite");
            }
            weightScratch[c] = cCount[c] * cRate[c];
        }
        if (vel != null) {
            vel.refreshRates();
            return;
        }
        tree.setAll(weightScratch, nClasses);
    }

    /** @return Σk now in 1/s */
    private double total() {
        return vel != null ? vel.total() : tree.total();
    }

    private int desiredClass(int e) {
        if (e < nHops) {
            int s = lat.hopSource(e);
            int sp = occ[s];
            if (sp == VACANCY || !mobile[sp] || occ[lat.hopTarget(e)] != VACANCY) {
                return -1;
            }
            if (fn == null) {
                return flatClass[sp * nKinds + lat.hopKind(e)];
            }
            Barrier b = fn.barrier(e, sp, this);
            return b == null ? -1 : classOf(shifted(b, sp, lat.hopKind(e)));
        }
        int q = (e - nHops) >> 1;
        int site = slotSite[q];
        if (((e - nHops) & 1) == 0) {
            return occ[site] == slotSpecies[q] ? slotExtractClass[q] : -1;
        }
        return occ[site] == VACANCY ? slotInjectClass[q] : -1;
    }

    private void refreshEvent(int e) {
        if (staging) {
            stage(e, desiredClass(e));
        } else {
            assign(e, desiredClass(e));
        }
    }

    /** Table-model class of hop h given the current occupations (no barrier function). */
    private int tableClass(int h) {
        return occ[lat.hopTarget(h)] != VACANCY ? -1 : flatClass[occ[lat.hopSource(h)] * nKinds + lat.hopKind(h)];
    }

    // staged class changes of one event: a slot freed in a class bucket is reused by an event entering
    // the same class, so most changes need no swap with the bucket's last element (a random memory write)
    private int[] stE = new int[64], stC = new int[64], frC = new int[64], frP = new int[64];
    private int nStaged;
    private boolean staging;

    private void stage(int e, int c) {
        if (ev[2 * e] == c) {
            return;
        }
        if (nStaged == stE.length) {
            int m = 2 * nStaged;
            stE = Arrays.copyOf(stE, m);
            stC = Arrays.copyOf(stC, m);
            frC = Arrays.copyOf(frC, m);
            frP = Arrays.copyOf(frP, m);
        }
        stE[nStaged] = e;
        stC[nStaged++] = c;
    }

    private void commitStaged() {
        int nf = 0;
        for (int k = 0; k < nStaged; k++) { // leave the old buckets: record the freed slots
            int e = stE[k];
            int old = ev[2 * e];
            if (old >= 0) {
                frC[nf] = old;
                frP[nf++] = ev[2 * e + 1];
                ev[2 * e] = -1;
                touch(old);
            }
        }
        for (int k = 0; k < nStaged; k++) { // enter the new buckets, reusing freed slots of the same class
            int c = stC[k];
            int e = stE[k];
            if (c < 0 || ev[2 * e] == c) { // inactive, or staged twice (a hop between the two end sites)
                continue;
            }
            int slot = -1;
            for (int f = 0; f < nf; f++) {
                if (frC[f] == c) {
                    slot = f;
                    break;
                }
            }
            if (slot >= 0) {
                int p = frP[slot];
                cMembers[c][p] = e;
                ev[2 * e] = c;
                ev[2 * e + 1] = p;
                nf--;
                frC[slot] = frC[nf];
                frP[slot] = frP[nf];
            } else {
                int[] mem = cMembers[c];
                if (cCount[c] == mem.length) {
                    mem = Arrays.copyOf(mem, 2 * mem.length);
                    cMembers[c] = mem;
                }
                mem[cCount[c]] = e;
                ev[2 * e] = c;
                ev[2 * e + 1] = cCount[c]++;
            }
            touch(c);
        }
        // close the remaining holes, highest position first, so the element moved in is never a hole
        while (nf > 0) {
            int best = 0;
            for (int f = 1; f < nf; f++) {
                if (frP[f] > frP[best] || frP[f] == frP[best] && frC[f] > frC[best]) {
                    best = f;
                }
            }
            int c = frC[best], p = frP[best];
            nf--;
            frC[best] = frC[nf];
            frP[best] = frP[nf];
            int last = --cCount[c];
            if (p != last) {
                int moved = cMembers[c][last];
                cMembers[c][p] = moved;
                ev[2 * moved + 1] = p;
            }
        }
        nStaged = 0;
    }

    /** Move event e into class c (−1 = inactive), updating buckets and marking the tree. */
    private void assign(int e, int c) {
        int old = ev[2 * e];
        if (c == old) {
            return;
        }
        if (old >= 0) {
            int p = ev[2 * e + 1];
            int last = --cCount[old];
            int[] mem = cMembers[old];
            int moved = mem[last];
            mem[p] = moved;
            ev[2 * moved + 1] = p;
            touch(old);
        }
        if (c >= 0) {
            int[] mem = cMembers[c];
            if (cCount[c] == mem.length) {
                mem = Arrays.copyOf(mem, 2 * mem.length);
                cMembers[c] = mem;
            }
            mem[cCount[c]] = e;
            ev[2 * e + 1] = cCount[c]++;
            touch(c);
        }
        ev[2 * e] = c;
    }

    /** Record that class c changed its count; the tree leaf is updated now or at the end of the event. */
    private void touch(int c) {
        if (!deferTree) {
            tree.set(c, cCount[c] * cRate[c]);
            return;
        }
        if (!isDirty[c]) {
            isDirty[c] = true;
            if (nDirty == dirty.length) {
                dirty = Arrays.copyOf(dirty, 2 * nDirty);
            }
            dirty[nDirty++] = c;
        }
    }

    private void flushTree() {
        for (int k = 0; k < nDirty; k++) {
            int c = dirty[k];
            isDirty[c] = false;
            tree.set(c, cCount[c] * cRate[c]);
        }
        nDirty = 0;
    }

    private void refreshSite(int s) {
        for (int h = lat.outStart(s), end = lat.outStart(s + 1); h < end; h++) {
            refreshEvent(h);
        }
        for (int k = lat.inStart(s), end = lat.inStart(s + 1); k < end; k++) {
            refreshEvent(lat.inHop(k));
        }
        refreshSlots(s);
    }

    private void refreshSlots(int s) {
        if (slotSite.length == 0) {
            return;
        }
        for (int k = siteSlotStart[s], end = siteSlotStart[s + 1]; k < end; k++) {
            int q = siteSlots[k];
            refreshEvent(nHops + 2 * q);
            refreshEvent(nHops + 2 * q + 1);
        }
    }

    private void refreshAround(int s) {
        refreshSite(s);
        if (fn != null && fnNeighbours) {
            for (int h = lat.outStart(s), end = lat.outStart(s + 1); h < end; h++) {
                refreshSite(lat.hopTarget(h));
            }
            for (int k = lat.inStart(s), end = lat.inStart(s + 1); k < end; k++) {
                refreshSite(lat.hopSource(lat.inHop(k)));
            }
        }
    }

    private int newParticle(int species, int site) {
        if (np == pspecies.length) {
            int m = 2 * np;
            pd = Arrays.copyOf(pd, 4 * m);
            pspecies = Arrays.copyOf(pspecies, m);
            psite = Arrays.copyOf(psite, m);
        }
        pd[4 * np] = 0;
        pd[4 * np + 1] = 0;
        pd[4 * np + 2] = 0;
        pd[4 * np + 3] = 0;
        pspecies[np] = species;
        psite[np] = site;
        return np++;
    }

    private void execute(int e) {
        deferTree = true;
        executeEvent(e);
        deferTree = false;
        flushTree();
        events++;
    }

    /** Move the particle from i to j along a hop of kind k (occupations, tracer and collective sums); no event updates. */
    private void moveParticle(int i, int j, int k) {
        byte sp = occ[i];
        occ[j] = sp;
        occ[i] = VACANCY;
        int p = pid[i];
        pid[j] = p;
        pid[i] = -1;
        double vx = lat.kindVector(k, 0), vy = lat.kindVector(k, 1), vz = lat.kindVector(k, 2);
        double l2 = vx * vx + vy * vy + vz * vz;
        pd[4 * p] += vx;
        pd[4 * p + 1] += vy;
        pd[4 * p + 2] += vz;
        pd[4 * p + 3] += l2;
        colX[sp] += vx;
        colY[sp] += vy;
        colZ[sp] += vz;
        hopSq[sp] += l2;
        jumps[sp]++;
        kindHops[k]++;
    }

    private void executeEvent(int e) {
        if (vel != null) { // e is a slot of the vacancy event lists (see selectEvent)
            int s = vel.source(e);
            int t = vel.target(e);
            moveParticle(s, t, vel.kind(e));
            vel.afterHop(s, t);
            return;
        }
        if (e < nHops) {
            int i = lat.hopSource(e);
            int j = lat.hopTarget(e);
            moveParticle(i, j, lat.hopKind(e));
            if (fn == null) {
                // i is now empty: every hop out of i is inactive; j is now full: every hop into j is inactive
                nStaged = 0;
                for (int h = lat.outStart(i), end = lat.outStart(i + 1); h < end; h++) {
                    stage(h, -1);
                }
                for (int q = lat.inStart(i), end = lat.inStart(i + 1); q < end; q++) { // i is empty
                    stage(lat.inHop(q), flatClass[occ[lat.inSource(q)] * nKinds + lat.inKind(q)]);
                }
                for (int h = lat.outStart(j), end = lat.outStart(j + 1); h < end; h++) {
                    stage(h, tableClass(h));
                }
                for (int q = lat.inStart(j), end = lat.inStart(j + 1); q < end; q++) {
                    stage(lat.inHop(q), -1);
                }
                commitStaged();
                refreshSlots(i);
                refreshSlots(j);
            } else {
                nStaged = 0;
                staging = true;
                refreshAround(i);
                refreshAround(j);
                staging = false;
                commitStaged();
            }
        } else {
            int q = (e - nHops) >> 1;
            int site = slotSite[q];
            if (((e - nHops) & 1) == 0) {
                int p = pid[site];
                psite[p] = -1;
                pid[site] = -1;
                occ[site] = VACANCY;
                int r = slotReservoir[q];
                extracted[r]++;
                if (reservoirs[r].capacity() > 0) { // the face closes: own class, ν0 scaled by the open fraction
                    int c = slotExtractClass[q];
                    cNu[c] = reservoirs[r].extract().nu0() * reservoirs[r].openFraction(extracted[r]);
                    cRate[c] = cNu[c] * Math.exp(-cEa[c] / (Constants.KB_EV * temperature));
                    touch(c);
                }
            } else {
                occ[site] = (byte) slotSpecies[q];
                pid[site] = newParticle(slotSpecies[q], site);
                injected[slotReservoir[q]]++;
            }
            refreshAround(site);
        }
    }

    // ---------------------------------------------------------------- time advance

    private double totalRateAt(double temp) {
        if (temp == temperature) {
            return total();
        }
        double kt = Constants.KB_EV * temp;
        double r = 0;
        for (int c = 0; c < nClasses; c++) {
            if (cCount[c] > 0) {
                r += cCount[c] * cNu[c] * Math.exp(-cEa[c] / kt);
            }
        }
        return r;
    }

    /** ∫_a^b R(T(s)) ds on a ramp segment by 4-point Gauss–Legendre. */
    private double integrate(double a, double b) {
        double mid = 0.5 * (a + b), half = 0.5 * (b - a), sum = 0;
        for (int g = 0; g < 4; g++) {
            sum += GL_W[g] * totalRateAt(program.temperatureAt(mid + half * GL_X[g]));
        }
        return sum * half;
    }

    /** Time of the next event for unit-exponential variate {@code e}; +∞ if nothing can happen. */
    private double nextEventTime(double e) {
        double total = total();
        if (total <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (constantProgram) {
            return time + e / total;
        }
        double t0 = time;
        double remaining = e;
        while (true) {
            int seg = program.segmentIndex(t0);
            double segEnd = program.segmentEnd(seg);
            if (program.isConstant(seg)) {
                double r = totalRateAt(program.temperatureAt(t0));
                double dt = remaining / r;
                if (t0 + dt <= segEnd) {
                    return t0 + dt;
                }
                remaining -= r * (segEnd - t0);
                t0 = segEnd;
                continue;
            }
            double subEnd = Math.min(segEnd, t0 + 0.5 / Math.abs(program.slope(seg)));
            double lam = integrate(t0, subEnd);
            if (lam < remaining) {
                remaining -= lam;
                t0 = subEnd;
                continue;
            }
            // solve integrate(t0, t0 + tau) = remaining on (0, subEnd - t0]
            double lo = 0, hi = subEnd - t0;
            double tau = Math.min(hi, remaining / totalRateAt(program.temperatureAt(t0)));
            for (int it = 0; it < 100; it++) {
                double f = integrate(t0, t0 + tau) - remaining;
                if (f > 0) {
                    hi = tau;
                } else {
                    lo = tau;
                }
                double step = f / totalRateAt(program.temperatureAt(t0 + tau));
                double next = tau - step;
                if (!(next > lo && next < hi)) {
                    next = 0.5 * (lo + hi);
                }
                if (Math.abs(next - tau) <= 1e-12 * next || hi - lo <= 1e-13 * hi) {
                    tau = next;
                    break;
                }
                tau = next;
            }
            return t0 + tau;
        }
    }

    private void moveTo(double t) {
        time = t;
        if (constantProgram) {
            return;
        }
        double tp = program.temperatureAt(t);
        if (tp != temperature) {
            temperature = tp;
            refreshRates();
        }
    }

    private int selectEvent() {
        if (vel != null) {
            return vel.select(rng.nextDouble());
        }
        double u = rng.nextDouble() * tree.total();
        int c = tree.find(u);
        return cMembers[c][rng.nextInt(cCount[c])];
    }

    /**
     * Execute one event.
     *
     * @return false if no event is possible (the state and time are unchanged)
     */
    public boolean step() {
        double t = nextEventTime(rng.nextExponential());
        if (t == Double.POSITIVE_INFINITY) {
            return false;
        }
        moveTo(t);
        execute(selectEvent());
        return true;
    }

    /**
     * Execute up to {@code n} events.
     *
     * @param n number of events
     * @return number executed (less than n only if the system got stuck)
     */
    public long runEvents(long n) {
        long k = 0;
        while (k < n && step()) {
            k++;
        }
        return k;
    }

    /**
     * Run until time {@code tEnd} (s). If {@code observer} is non-null it is called at
     * t_k = t_start + k·interval for k = 0, 1, ... while t_k &le; tEnd, with the state as it is at t_k.
     * The event pending at tEnd is discarded (exact by memorylessness); time ends at exactly tEnd.
     *
     * @param tEnd     end time in s (&ge; current time)
     * @param interval sampling interval in s (&gt; 0; ignored without observer)
     * @param observer observer or null
     * @return number of events executed
     */
    public long runUntil(double tEnd, double interval, KmcObserver observer) {
        if (!(tEnd >= time)) {
            throw new KmcException("end time " + tEnd + " s is before the current time " + time + " s");
        }
        if (observer != null && !(interval > 0 && Double.isFinite(interval))) {
            throw new KmcException("sampling interval must be finite and > 0 s: " + interval);
        }
        double tStart = time;
        long k = 0;
        long done = 0;
        double nextSample = observer == null ? Double.POSITIVE_INFINITY : tStart;
        while (true) {
            double t = nextEventTime(rng.nextExponential());
            double stop = Math.min(t, tEnd);
            while (nextSample <= stop && nextSample <= tEnd) {
                if (nextSample > time) {
                    moveTo(nextSample);
                }
                observer.observe(this, nextSample);
                k++;
                nextSample = tStart + k * interval;
            }
            if (t > tEnd) {
                moveTo(tEnd);
                return done;
            }
            moveTo(t);
            execute(selectEvent());
            done++;
        }
    }

    // ---------------------------------------------------------------- state access

    /** @return the lattice */
    public Lattice lattice() {
        return lat;
    }

    /** @return simulated time in s */
    public double time() {
        return time;
    }

    /** @return current temperature in K */
    public double temperature() {
        return temperature;
    }

    /** @return number of events executed */
    public long eventCount() {
        return events;
    }

    /** @return current total rate Σk in 1/s */
    public double totalRate() {
        return total();
    }

    /** @return number of rate classes (distinct (ν0, Ea) pairs seen) */
    public int rateClassCount() {
        return nClasses;
    }

    /**
     * @param site site
     * @return its code: {@link #VACANCY} or a species code
     */
    public int occupancy(int site) {
        return occ[site];
    }

    /**
     * @param name species name ("Va" → 0)
     * @return its code
     */
    public int speciesCode(String name) {
        if (name.equals("Va")) {
            return VACANCY;
        }
        for (int s = 1; s < speciesNames.length; s++) {
            if (speciesNames[s].equals(name)) {
                return s;
            }
        }
        throw new KmcException("unknown species " + name);
    }

    /** @return species names indexed by code; [0] = "Va" */
    public String[] speciesNames() {
        return speciesNames.clone();
    }

    /**
     * Self-check of the incremental event catalogue: recomputes the rate class of every event from
     * the current occupations (and the barrier function, if any) and compares it with the stored
     * class; also checks bucket positions and the sum tree. O(number of events); for tests and
     * debugging.
     *
     * @return number of inconsistencies found (0 when the local updates are complete)
     */
    public int verifyEventCatalogue() {
        if (vel != null) {
            return vel.verify();
        }
        int bad = 0;
        int ne = ev.length / 2;
        for (int e = 0; e < ne; e++) {
            int c = desiredClass(e);
            if (c != ev[2 * e]) {
                bad++;
            } else if (c >= 0 && cMembers[c][ev[2 * e + 1]] != e) {
                bad++;
            }
        }
        double total = 0;
        for (int c = 0; c < nClasses; c++) {
            total += cCount[c] * cRate[c];
        }
        if (Math.abs(total - tree.total()) > 1e-9 * Math.max(total, 1e-300)) {
            bad++;
        }
        return bad;
    }

    /**
     * Number of hops executed so far on a path in an environment (all species).
     *
     * @param path        path name
     * @param environment environment label, or "*" for all environments
     * @return hop count
     */
    public long hopCount(String path, String environment) {
        long c = 0;
        for (int k = 0; k < kindHops.length; k++) {
            if (lat.kindPath(k).equals(path) && (environment.equals("*") || lat.kindEnvironment(k).equals(environment))) {
                c += kindHops[k];
            }
        }
        return c;
    }

    /** @return reservoirs in order of declaration */
    public List<Reservoir> reservoirs() {
        return List.of(reservoirs);
    }

    /**
     * @param r reservoir index
     * @return particles extracted through it so far
     */
    public long extractedCount(int r) {
        return extracted[r];
    }

    /**
     * @param r reservoir index
     * @return particles injected through it so far
     */
    public long injectedCount(int r) {
        return injected[r];
    }

    /**
     * Tracer and collective sums for one species (see {@link TracerSums}).
     *
     * @param species species name
     * @return the sums now
     */
    public TracerSums tracer(String species) {
        int sp = speciesCode(species);
        int count = 0;
        double sum = 0, sumAll = 0;
        for (int p = 0; p < np; p++) {
            if (pspecies[p] != sp) {
                continue;
            }
            double r2 = pd[4 * p] * pd[4 * p] + pd[4 * p + 1] * pd[4 * p + 1] + pd[4 * p + 2] * pd[4 * p + 2];
            sumAll += r2;
            if (psite[p] >= 0) {
                count++;
                sum += r2;
            }
        }
        return new TracerSums(count, sum, hopSq[sp], sumAll, jumps[sp], colX[sp], colY[sp], colZ[sp]);
    }

    /** @return true if the temperature is constant (no ramp or program) */
    public boolean constantTemperature() {
        return constantProgram;
    }

    /**
     * @param species species name
     * @return number of hops ever made by the species (O(1))
     */
    public long jumpCount(String species) {
        return jumps[speciesCode(species)];
    }

    /**
     * Per-particle tracer state of one species, for block statistics: for every particle index p ever
     * created (inserted particles get new indices; extracted ones keep theirs), {x, y, z, Σλ²} of its
     * displacement since insertion (Å, Å²) at 4p..4p+3; NaN for particles of other species.
     *
     * @param species species name
     * @return a copy, length 4 × (particles ever created)
     */
    public double[] tracerSnapshot(String species) {
        int sp = speciesCode(species);
        double[] out = Arrays.copyOf(pd, 4 * np);
        for (int p = 0; p < np; p++) {
            if (pspecies[p] != sp) {
                Arrays.fill(out, 4 * p, 4 * p + 4, Double.NaN);
            }
        }
        return out;
    }

    /**
     * Occupancy per site type: fraction of the sites of each type holding {@code species}.
     *
     * @param species species name
     * @return array indexed by site type (see {@link Lattice#siteTypeNames()})
     */
    public double[] occupancyBySiteType(String species) {
        int sp = speciesCode(species);
        int nt = lat.siteTypeCount();
        double[] occd = new double[nt];
        int[] tot = new int[nt];
        for (int i = 0; i < occ.length; i++) {
            int t = lat.siteType(i);
            tot[t]++;
            if (occ[i] == sp) {
                occd[t]++;
            }
        }
        for (int t = 0; t < nt; t++) {
            occd[t] = tot[t] == 0 ? 0 : occd[t] / tot[t];
        }
        return occd;
    }

    /**
     * Concentration profile vs depth: fraction of sites holding {@code species} in {@code bins}
     * equal slabs spanning the site coordinates along a cartesian axis.
     *
     * @param species species name
     * @param axis    0 = x, 1 = y, 2 = z
     * @param bins    number of slabs
     * @return array [bins]: site fraction per slab (NaN for a slab without sites)
     */
    public double[] concentrationProfile(String species, int axis, int bins) {
        int sp = speciesCode(species);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < occ.length; i++) {
            lo = Math.min(lo, lat.coordinate(i, axis));
            hi = Math.max(hi, lat.coordinate(i, axis));
        }
        double w = (hi - lo) / bins;
        double[] num = new double[bins];
        int[] tot = new int[bins];
        for (int i = 0; i < occ.length; i++) {
            int b = w == 0 ? 0 : (int) ((lat.coordinate(i, axis) - lo) / w);
            b = Math.min(bins - 1, b);
            tot[b]++;
            if (occ[i] == sp) {
                num[b]++;
            }
        }
        for (int b = 0; b < bins; b++) {
            num[b] = tot[b] == 0 ? Double.NaN : num[b] / tot[b];
        }
        return num;
    }

    /**
     * @param species species name
     * @return number of particles of the species on the lattice
     */
    public int count(String species) {
        int sp = speciesCode(species);
        int c = 0;
        for (int o : occ) {
            if (o == sp) {
                c++;
            }
        }
        return c;
    }
}
