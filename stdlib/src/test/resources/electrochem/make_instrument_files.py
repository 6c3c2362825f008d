#!/usr/bin/python3
"""Writes the instrument files of InstrumentFilesTest in the exact layouts of BioLogic EC-Lab text exports (.mpt)
and Gamry Framework data files (.DTA), with impedances computed here by numpy from the textbook element formulas
(an implementation independent of adc's EquivalentCircuit), and impedance_reference.csv for the circuit test.
Run: /usr/bin/python3 make_instrument_files.py   (writes files next to this script)
"""
import numpy as np

def z_circuit(kind, f):
    w = 2 * np.pi * f
    jw = 1j * w
    if kind == "randles_cpe":      # R0-p(R1,CPE1)-W1 : R0 12 ohm, R1 85 ohm, Q 2.2e-5, alpha 0.87, sigma 35
        zcpe = 1 / (2.2e-5 * jw ** 0.87)
        zpar = 1 / (1 / 85.0 + 1 / zcpe)
        return 12.0 + zpar + 35.0 * (1 - 1j) / np.sqrt(w)
    if kind == "randles_wo":       # R0-p(R1,C1)-Wo1 : R0 4.7 ohm, R1 150 ohm, C1 3.3e-6 F, Wo r 220 ohm, tau 2.5 s
        zc = 1 / (jw * 3.3e-6)
        zpar = 1 / (1 / 150.0 + 1 / zc)
        s = np.sqrt(jw * 2.5)
        return 4.7 + zpar + 220.0 / (np.tanh(s) * s)
    if kind == "ws_l":             # L0-R0-Ws1 : L 1.5e-6 H, R0 2 ohm, Ws r 40 ohm, tau 0.8 s
        s = np.sqrt(jw * 0.8)
        return jw * 1.5e-6 + 2.0 + 40.0 * np.tanh(s) / s
    raise ValueError(kind)

freqs = np.logspace(5, -1, 43)   # 100 kHz .. 100 mHz, 7 points per decade

with open("impedance_reference.csv", "w") as out:
    out.write("# numpy complex arithmetic of the element formulas (make_instrument_files.py)\n")
    out.write("circuit,freq [Hz],z_re [ohm],z_im [ohm]\n")
    for kind in ("randles_cpe", "randles_wo", "ws_l"):
        for f in freqs:
            z = z_circuit(kind, f)
            out.write(f"{kind},{f!r},{z.real!r},{z.imag!r}\n")

def e(x):
    # EC-Lab writes 7 significant digits in exponent form: 1.0000000E+005
    return f"{x:.7E}".replace("E+", "E+0").replace("E-", "E-0")

header = """EC-Lab ASCII FILE
Nb header lines : {n}

Potentio Electrochemical Impedance Spectroscopy

Run on channel : 2 (SN 4105)
User : 
Electrode connection : standard
Potential control : Ewe
Ewe ctrl range : min = -10.00 V, max = 10.00 V
Safety Limits :
	Do not start on E overload
Acquisition started on : 03/11/2026 14:02:51.118
Saved on :
	File : cell_PEIS_C02.mpr
	Directory : C:\\Users\\lab\\Documents\\EC-Lab\\Data\\
	Host : 192.168.0.12
Device : SP-300 (SN 1234)
Address : USB
EC-Lab for windows v11.50 (software)
Internet server v11.50 (firmware)
Command interpretor v11.50 (firmware)
Electrode material : 
Initial state : 
Electrolyte : 1 M NaPF6 in diglyme
Comments : 
Mode                Single sine
E (V)               0.0000
vs.                 Eoc
tE (h:m:s)          0:00:0.0000
record              0
dI                  0.000
unit dI             mA
dt (s)              0.000
fi                  100.000
unit fi             kHz
ff                  100.000
unit ff             mHz
Nd                  7
Points              per decade
spacing             Logarithmic
Va (mV)             10.0
pw                  0.10
Na                  2
corr                0
"""
cols = "freq/Hz\tRe(Z)/Ohm\t-Im(Z)/Ohm\t|Z|/Ohm\tPhase(Z)/deg\ttime/s\t<Ewe>/V\t<I>/mA\tCs/µF\tcycle number\tI Range\t"
hlines = header.count("\n") + 1   # the column line is the last header line
text = header.format(n=hlines) + cols + "\n"
for k, f in enumerate(freqs):
    z = z_circuit("randles_cpe", f)
    cs = -1 / (2 * np.pi * f * z.imag) * 1e6
    text += "\t".join([e(f), e(z.real), e(-z.imag), e(abs(z)), e(np.degrees(np.angle(z))), e(10.5 + 2.1 * k),
                       e(3.1234567e-1), e(1.2e-5), e(cs), e(1.0), "10"]) + "\t\n"
with open("cell_PEIS_C02.mpt", "wb") as fh:
    fh.write(text.replace("\n", "\r\n").encode("windows-1252"))
with open("cell_PEIS_comma.mpt", "wb") as fh:
    fh.write(text.replace(".", ",").replace("\n", "\r\n").encode("windows-1252"))

# BioLogic CV: two cycles, header without settings block (Nb header lines : 6)
cv_header = "EC-Lab ASCII FILE\nNb header lines : 6\n\nCyclic Voltammetry\n\n"
cv_cols = "mode\tox/red\terror\tcontrol changes\tcounter inc.\ttime/s\tcontrol/V\tEwe/V\t<I>/mA\tcycle number\t(Q-Qo)/C\tI Range\tP/W\t"
cv = cv_header + cv_cols + "\n"
t = 0.0
for cyc in (1, 2):
    for k in range(21):
        v = 0.5 + 0.05 * (k if k <= 10 else 20 - k)
        i_ma = 0.8 * np.sin(np.pi * k / 10) + 0.01 * cyc
        cv += "\t".join(["2", "1" if k < 10 else "0", "0", "0", "0", e(t), e(v), e(v), e(i_ma), e(cyc), e(1e-3 * t), "41", e(v * i_ma * 1e-3)]) + "\t\n"
        t += 10.0
with open("cv_CV_C01.mpt", "wb") as fh:
    fh.write(cv.replace("\n", "\r\n").encode("windows-1252"))

# Gamry potentiostatic EIS
g = """EXPLAIN
TAG\tEISPOT
TITLE\tLABEL\tPotentiostatic EIS\tTest &Identifier
DATE\tLABEL\t11/3/2026\tDate
TIME\tLABEL\t14:31:07\tTime
NOTES\tNOTES\t1\t&Notes...
\t
PSTAT\tPSTAT\tREF600-12345\tPotentiostat
VDC\tPOTEN\t0.00000E+000\tT\tDC &Voltage (V)
FREQINIT\tQUANT\t1.00000E+005\tInitial Fre&q. (Hz)
FREQFINAL\tQUANT\t1.00000E-001\tFinal Fre&q. (Hz)
PTSPERDEC\tQUANT\t7.00000E+000\tPoints/&decade
VAC\tQUANT\t1.00000E+001\tAC &Voltage (mV rms)
AREA\tQUANT\t1.00000E+000\t&Area (cm^2)
EOC\tQUANT\t0.3121044\tOpen Circuit (V)
ZCURVE\tTABLE
\tPt\tTime\tFreq\tZreal\tZimag\tZsig\tZmod\tZphz\tIdc\tVdc\tIERange
\t#\ts\tHz\tohm\tohm\tV\tohm\t°\tA\tV\t#
"""
for k, f in enumerate(freqs):
    z = z_circuit("randles_wo", f)
    g += "\t" + "\t".join([str(k), str(2 * k + 1), f"{f:.7g}", f"{z.real:.7g}", f"{z.imag:.7g}", "1", f"{abs(z):.7g}",
                           f"{np.degrees(np.angle(z)):.7g}", "2.402966E-006", "0.3121", "10"]) + "\n"
with open("EISPOT_randles.DTA", "wb") as fh:
    fh.write(g.replace("\n", "\r\n").encode("windows-1252"))

# Gamry cyclic voltammetry: OCV curve, then one CURVE block per cycle
c = """EXPLAIN
TAG\tCV
TITLE\tLABEL\tCyclic Voltammetry\tTest &Identifier
DATE\tLABEL\t11/4/2026\tDate
TIME\tLABEL\t09:12:44\tTime
SCANRATE\tQUANT\t5.00000E+001\tScan Rate (mV/s)
CYCLES\tIQUANT\t2\tCycles (#)
OCVCURVE\tTABLE\t3
\tPt\tT\tVf\tVm\tAch\tOver
\t#\ts\tV vs. Ref.\tV\tV\tbits
\t0\t0.5\t0.3121\t0.3121\t0\t...........
\t1\t1\t0.3122\t0.3122\t0\t...........
\t2\t1.5\t0.3122\t0.3122\t0\t...........
EOC\tQUANT\t0.3122\tOpen Circuit (V)
"""
for cyc in (1, 2):
    c += f"CURVE{cyc}\tTABLE\t21\n\tPt\tT\tVf\tIm\tVu\tSig\tAch\tIERange\tOver\n\t#\ts\tV vs. Ref.\tA\tV\tV\tV\t#\tbits\n"
    for k in range(21):
        v = -0.2 + 0.04 * (k if k <= 10 else 20 - k)
        im = 1e-4 * np.sin(np.pi * k / 10) * cyc
        c += "\t" + "\t".join([str(k), f"{0.08 * k + 1.68 * (cyc - 1):.6g}", f"{v:.6g}", f"{im:.6g}", f"{v:.6g}", f"{v:.6g}", "0", "7", "..........."]) + "\n"
with open("CV_gamry.DTA", "wb") as fh:
    fh.write(c.replace("\n", "\r\n").encode("windows-1252"))
