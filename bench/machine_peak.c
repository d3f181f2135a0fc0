/*
 * This machine's own limits, for the floor of one loss + gradient (bench/report.py):
 *
 *   read bandwidth  a STREAM-like sum over READ_BYTES (1.28 GB) of doubles, every core reading its
 *                   half (OpenMP, the array first touched by the thread that reads it); GB/s
 *   FMA peak        per core, ACC independent vector accumulators of acc = acc * a + b (one FMA,
 *                   2 flops per lane), enough to cover the FMA latency on every unit; GFLOP/s,
 *                   float64 and float32
 *
 * Each figure is the best of REPEATS runs (as STREAM reports), so a momentary load from other work
 * lowers it less. Prints one JSON object on stdout. Build: gcc -O3 -march=native -fopenmp.
 */
#include <immintrin.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define READ_BYTES (1280L * 1000 * 1000)
#define REPEATS 7
#define ACC 12
#define FMA_STEPS (100L * 1000 * 1000)

typedef double v4d __attribute__((vector_size(32)));

static double now(void) { return omp_get_wtime(); }

/* Best GB/s of REPEATS parallel sums over a READ_BYTES array of doubles. */
static double read_bandwidth(double *checksum) {
    long n = READ_BYTES / sizeof(double); /* a multiple of 16 */
    double *x = aligned_alloc(64, n * sizeof(double));
    if (x == NULL) {
        return -1;
    }
#pragma omp parallel for schedule(static)
    for (long i = 0; i < n; i++) {
        x[i] = (double)(i & 1023);  /* first touch: each core's pages are the half it reads */
    }
    /* Four independent vector sums, so the adds' latency never limits the read. */
    const v4d *v = (const v4d *)x;
    long blocks = n / 16;
    double best = 0;
    for (int r = 0; r < REPEATS; r++) {
        double s = 0, t0 = now();
#pragma omp parallel reduction(+ : s)
        {
            int t = omp_get_thread_num(), threads = omp_get_num_threads();
            long from = blocks * t / threads, to = blocks * (t + 1) / threads;
            v4d s0 = {0}, s1 = {0}, s2 = {0}, s3 = {0};
            for (long b = from; b < to; b++) {
                s0 += v[4 * b];
                s1 += v[4 * b + 1];
                s2 += v[4 * b + 2];
                s3 += v[4 * b + 3];
            }
            v4d sum = (s0 + s1) + (s2 + s3);
            s += sum[0] + sum[1] + sum[2] + sum[3];
        }
        double gbs = READ_BYTES / (now() - t0) / 1e9;
        best = gbs > best ? gbs : best;
        *checksum += s;
    }
    free(x);
    return best;
}

#if defined(__AVX512F__)
typedef __m512d vd;
typedef __m512 vf;
#define LANES_D 8
#define LANES_F 16
#define SET1_D _mm512_set1_pd
#define SET1_F _mm512_set1_ps
#define FMA_D _mm512_fmadd_pd
#define FMA_F _mm512_fmadd_ps
#define ADD_D _mm512_add_pd
#define ADD_F _mm512_add_ps
#define SUM_D _mm512_reduce_add_pd
#define SUM_F _mm512_reduce_add_ps
#elif defined(__FMA__)
typedef __m256d vd;
typedef __m256 vf;
#define LANES_D 4
#define LANES_F 8
#define SET1_D _mm256_set1_pd
#define SET1_F _mm256_set1_ps
#define FMA_D _mm256_fmadd_pd
#define FMA_F _mm256_fmadd_ps
#define ADD_D _mm256_add_pd
#define ADD_F _mm256_add_ps
static double SUM_D(vd v) { double a[4]; _mm256_storeu_pd(a, v); return a[0] + a[1] + a[2] + a[3]; }
static float SUM_F(vf v) { float a[8]; _mm256_storeu_ps(a, v); float s = 0; for (int i = 0; i < 8; i++) s += a[i]; return s; }
#endif

#ifdef LANES_D
/* Best GFLOP/s of REPEATS runs: every core runs FMA_STEPS steps of ACC independent FMAs. */
static double fma_peak_f64(double *checksum) {
    double best = 0;
    for (int r = 0; r < REPEATS; r++) {
        double s = 0, t0 = now();
#pragma omp parallel reduction(+ : s)
        {
            vd acc[ACC];
            vd a = SET1_D(0.999999), b = SET1_D(1e-7 * (1 + omp_get_thread_num()));
            for (int k = 0; k < ACC; k++) acc[k] = SET1_D(k);
            for (long i = 0; i < FMA_STEPS; i++) {
                for (int k = 0; k < ACC; k++) acc[k] = FMA_D(acc[k], a, b);
            }
            vd total = acc[0];
            for (int k = 1; k < ACC; k++) total = ADD_D(total, acc[k]);
            s += SUM_D(total);
        }
        double secs = now() - t0;
        double gflops = 2.0 * LANES_D * ACC * FMA_STEPS * omp_get_max_threads() / secs / 1e9;
        best = gflops > best ? gflops : best;
        *checksum += s;
    }
    return best;
}

static double fma_peak_f32(double *checksum) {
    double best = 0;
    for (int r = 0; r < REPEATS; r++) {
        double s = 0, t0 = now();
#pragma omp parallel reduction(+ : s)
        {
            vf acc[ACC];
            vf a = SET1_F(0.999999f), b = SET1_F(1e-7f * (1 + omp_get_thread_num()));
            for (int k = 0; k < ACC; k++) acc[k] = SET1_F((float)k);
            for (long i = 0; i < FMA_STEPS; i++) {
                for (int k = 0; k < ACC; k++) acc[k] = FMA_F(acc[k], a, b);
            }
            vf total = acc[0];
            for (int k = 1; k < ACC; k++) total = ADD_F(total, acc[k]);
            s += SUM_F(total);
        }
        double secs = now() - t0;
        double gflops = 2.0 * LANES_F * ACC * FMA_STEPS * omp_get_max_threads() / secs / 1e9;
        best = gflops > best ? gflops : best;
        *checksum += s;
    }
    return best;
}
#endif

int main(void) {
    omp_set_num_threads(omp_get_num_procs());
    double checksum = 0;
    double gbs = read_bandwidth(&checksum);
#ifdef LANES_D
    double f64 = fma_peak_f64(&checksum), f32 = fma_peak_f32(&checksum);
    int lanes = LANES_D;
#else
    double f64 = -1, f32 = -1; /* no FMA instructions with -march=native: reported as missing */
    int lanes = 0;
#endif
    printf("{\"threads\": %d, \"read_bytes\": %ld, \"read_GBps\": %.2f, \"fma_f64_GFLOPs\": %.1f, "
           "\"fma_f32_GFLOPs\": %.1f, \"f64_lanes\": %d, \"accumulators\": %d, \"checksum\": %g}\n",
           omp_get_max_threads(), READ_BYTES, gbs, f64, f32, lanes, ACC, checksum);
    return 0;
}
