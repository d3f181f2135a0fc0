"""Checks of bench/report.py's arithmetic on made-up results (no timing is measured here).

    python3 -m unittest discover -s bench -p 'test_*.py'
"""
import json
import os
import tempfile
import unittest

import report

TOLERANCE = 1e-9


def jmh_row(bench, forks, threads=2, jdk="OpenJDK 17.0.15", **params):
    return {"bench": bench, "params": params, "jdk": jdk, "threads": threads, "forks": forks}


class FloorTest(unittest.TestCase):
    def test_floor_is_the_flops_at_the_issues_bandwidth_and_peak(self):
        # 4 · 49,000 · 3,073 · 10 = 6.02 GFLOP at 127 GFLOP/s beats 1.2 GB at 31 GB/s.
        ms, why = report.floor_ms({"read_GBps": 31.0, "fma_f64_GFLOPs": 127.0, "fma_f32_GFLOPs": 254.0}, "float64")
        self.assertAlmostEqual(ms, 4 * 49000 * 3073 * 10 / 127e9 * 1e3, delta=TOLERANCE)
        self.assertIn("1.20 GB / 31.0 GB/s", why)

    def test_floor_is_the_bytes_when_the_bandwidth_is_lower(self):
        ms, _ = report.floor_ms({"read_GBps": 10.0, "fma_f64_GFLOPs": 127.0, "fma_f32_GFLOPs": 254.0}, "float32")
        self.assertAlmostEqual(ms, 49000 * 3073 * 4 / 10e9 * 1e3, delta=TOLERANCE)

    def test_no_floor_without_gcc_says_why(self):
        ms, why = report.floor_ms({"missing": "gcc not found"}, "float64")
        self.assertIsNone(ms)
        self.assertEqual(why, "gcc not found")


class RowsTest(unittest.TestCase):
    def test_loss_row_divides_descent_by_numpy_with_two_threads(self):
        jmh = [jmh_row("LossBench", [[1.0, 3.0, 2.0]], impl="vectorized", loss="svm", precision="float64", n=64),
               jmh_row("LossBench", [[9.0]], threads=1, impl="vectorized", loss="svm", precision="float64", n=64)]
        numpy = {(2, "loss", "svm", "float64", 64): 8.0}
        [r] = report.loss_rows(jmh, numpy)
        self.assertAlmostEqual(r["ratio"], 2.0 / 8.0, delta=TOLERANCE)
        self.assertEqual(report.verdict(r), "met")

    def test_numpy_slower_with_two_threads_than_one_is_marked(self):
        jmh = [jmh_row("LossBench", [[1.0]], impl="vectorized", loss="svm", precision="float64", n=200)]
        slow = report.loss_rows(jmh, {(2, "loss", "svm", "float64", 200): 16.0, (1, "loss", "svm", "float64", 200): 2.0})
        fine = report.loss_rows(jmh, {(2, "loss", "svm", "float64", 200): 1.5, (1, "loss", "svm", "float64", 200): 2.0})
        self.assertIn("⚠", slow[0]["against"])
        self.assertNotIn("⚠", fine[0]["against"])

    def test_first_call_against_the_median_of_each_forks_last_calls(self):
        forks = [[900.0] + [500.0] * 6 + [100.0] * 5, [700.0] + [100.0] * 11, [800.0] + [120.0] * 11]
        r = jmh_row("FirstCallBench", forks, loss="svm", precision="float64", n=49000, warmUp="none")
        self.assertEqual(report.first_call(r), (800.0, 100.0))
        [row] = report.first_call_rows([r])
        self.assertAlmostEqual(row["ratio"], 8.0, delta=TOLERANCE)
        self.assertEqual(report.verdict(row), "**not met**")

    def test_training_row_takes_the_first_run_as_cold(self):
        r = jmh_row("TrainBench", [[3000.0, 1000.0, 1200.0]], loss="svm", precision="float32")
        warm, cold = report.train_rows([r], {(2, "train", "svm", "float32", 49000): 2000.0})
        self.assertAlmostEqual(warm["ratio"], 1100.0 / 2000.0, delta=TOLERANCE)
        self.assertAlmostEqual(cold["ratio"], 3000.0 / 2000.0, delta=TOLERANCE)

    def test_a_missing_measurement_is_not_met_or_met(self):
        [r] = report.loss_rows([], {(2, "loss", "svm", "float64", 64): 8.0})
        self.assertEqual(report.verdict(r), "not measured")

    def test_threads_come_from_the_forks_processor_count(self):
        self.assertEqual(report.jmh_threads(["-XX:ActiveProcessorCount=1", "-Xmx6g"]), 1)
        self.assertEqual(report.jmh_threads(["-Xmx6g"]), os.cpu_count())


class CourseTest(unittest.TestCase):
    def write(self, folder, rows):
        os.makedirs(folder)
        with open(os.path.join(folder, "summary.tsv"), "w") as f:
            f.write("notebook\tseconds\tpeak_rss_mb\tresult\n" + "".join("\t".join(r) + "\n" for r in rows))

    def test_totals_per_kernel_and_a_partial_run_is_not_counted_as_met(self):
        with tempfile.TemporaryDirectory() as build:
            self.write(os.path.join(build, "notebooks"), [("a.ipynb", "40.5", "900", "ok"),
                                                          ("b.ipynb", "60.0", "2100", "ok")])
            self.write(os.path.join(build, "notebooks-descent-jjava"), [("a.ipynb", "10.0", "800", "ok")])
            jjava_time, jjava_peak, java_time, java_peak = report.course_rows(build, notebooks_found=2)
        self.assertIn("descent-java (", java_time["case"])
        self.assertEqual(java_time["value"], "100.5 s")
        self.assertEqual(report.verdict(java_time), "**not met**")
        self.assertEqual(java_peak["value"], "2100 MB")
        self.assertEqual(report.verdict(java_peak), "**not met**")
        self.assertIn("only 1 of 2 notebooks", jjava_time["case"])
        self.assertEqual(report.verdict(jjava_time), "not measured (a partial run)")
        self.assertEqual(report.verdict(jjava_peak), "not measured (a partial run)")

    def test_cell_time_is_named_when_the_summary_records_it(self):
        with tempfile.TemporaryDirectory() as build:
            folder = os.path.join(build, "notebooks")
            os.makedirs(folder)
            with open(os.path.join(folder, "summary.tsv"), "w") as f:
                f.write("notebook\tseconds\tpeak_rss_mb\tresult\tkernel\tcell_seconds\n"
                        "a.ipynb\t40.0\t900\tok\tdescent-java\t31.5\n")
            time_row, _ = report.course_rows(build, notebooks_found=1)
        self.assertIn("32 s inside cells", time_row["case"])
        self.assertEqual(report.verdict(time_row), "met")

    def test_longest_cells_come_from_each_cells_recorded_timing(self):
        cell = {"cell_type": "code", "source": ["long[] seeds = {1};\n", "run();"], "metadata": {"execution": {
            "iopub.execute_input": "2026-11-26T05:00:00.000000Z", "shell.execute_reply": "2026-11-26T05:00:54.400000Z"}}}
        untimed = {"cell_type": "markdown", "source": "text", "metadata": {}}
        with tempfile.TemporaryDirectory() as build:
            os.makedirs(os.path.join(build, "notebooks"))
            with open(os.path.join(build, "notebooks", "03.ipynb"), "w") as f:
                json.dump({"cells": [untimed, cell]}, f)
            [(seconds, notebook, number, line)] = report.cell_times(build)
        self.assertAlmostEqual(seconds, 54.4, delta=1e-6)
        self.assertEqual((notebook, number, line), ("03.ipynb", 2, "long[] seeds = {1};"))


class KernelFirstCallTest(unittest.TestCase):
    def test_first_call_in_the_kernel_and_the_trivial_cell_with_and_without_the_warm_up(self):
        runs = [{"kernel": "descent-java", "warmUp": "kernel-start", "trials": [{}, {}, {}], "first_ms": 130.0,
                 "steady_ms": 100.0, "trivial_cell_ms": 600.0},
                {"kernel": "descent-java", "warmUp": "none", "trials": [{}, {}, {}], "first_ms": 600.0,
                 "steady_ms": 100.0, "trivial_cell_ms": 500.0}]
        with tempfile.TemporaryDirectory() as out:
            path = os.path.join(out, "kernel-first.json")
            with open(path, "w") as f:
                json.dump(runs, f)
            first, trivial = report.kernel_first_call_rows(path)
        self.assertAlmostEqual(first["ratio"], 1.3, delta=TOLERANCE)
        self.assertEqual(report.verdict(first), "met")
        self.assertAlmostEqual(trivial["ratio"], 1.2, delta=TOLERANCE)
        self.assertEqual(report.verdict(trivial), "**not met**")

    def test_without_a_kernel_it_says_how_to_get_one(self):
        [r] = report.kernel_first_call_rows("/nonexistent/kernel-first.json")
        self.assertEqual(report.verdict(r), "not measured")
        self.assertIn("environment/install.sh", r["case"])


if __name__ == "__main__":
    unittest.main()
