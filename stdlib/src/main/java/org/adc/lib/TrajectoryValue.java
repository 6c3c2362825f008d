package org.adc.lib;

import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

import org.adc.analysis.Trajectory;
import org.adc.lang.AdcList;
import org.adc.lang.AdcMap;
import org.adc.units.Quantity;
import org.adc.units.Units;

/**
 * A trajectory as a script value: members {@code frames}, {@code atoms}, {@code dt} (time between frames),
 * {@code duration}, {@code species} (list) and {@code counts} (map species → count), {@code source}.
 */
public final class TrajectoryValue implements org.adc.lang.HasMembers {
    private final Trajectory trajectory;

    public TrajectoryValue(Trajectory trajectory) {
        this.trajectory = trajectory;
    }

    public Trajectory trajectory() {
        return trajectory;
    }

    @Override
    public Object member(String name) {
        return switch (name) {
            case "frames" -> (long) trajectory.frames();
            case "atoms" -> (long) trajectory.atoms();
            case "dt" -> Quantity.ofSi(trajectory.dt(), Units.parse("fs"));
            case "duration" -> Quantity.ofSi(trajectory.dt() * (trajectory.frames() - 1), Units.parse("ps"));
            case "species" -> new AdcList(List.of((Object[]) trajectory.species()));
            case "counts" -> {
                TreeMap<String, Long> c = new TreeMap<>();
                for (String s : trajectory.species()) {
                    c.merge(s, 1L, Long::sum);
                }
                AdcMap m = new AdcMap();
                c.forEach(m::put);
                yield m;
            }
            case "source" -> trajectory.source();
            default -> null;
        };
    }

    @Override
    public Collection<String> memberNames() {
        return List.of("frames", "atoms", "dt", "duration", "species", "counts", "source");
    }

    @Override
    public String typeName() {
        return "trajectory";
    }

    @Override
    public String toString() {
        return "trajectory(" + trajectory.source() + ", " + trajectory.frames() + " frames, " + trajectory.atoms() + " atoms)";
    }
}
