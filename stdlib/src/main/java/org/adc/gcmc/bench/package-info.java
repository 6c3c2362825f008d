/** GCMC throughput benchmark main class with an optional LAMMPS fix gcmc comparison (never run by tests). */
package org.adc.gcmc.bench;
