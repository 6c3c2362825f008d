/** kMC throughput benchmark main class (never run by tests). */
package org.adc.kmc.bench;
