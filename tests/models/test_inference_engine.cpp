// Inference engine on a tiny random-weight package: geometry of every output, agreement between
// the outputs, determinism, batching that does not change the result, progress and cancel.
#include "metis/models/InferenceEngine.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace metis;
using namespace metis::models;
namespace fs = std::filesystem;

namespace {

ModelPackageMetadata tinyMetadata() {
    ModelPackageMetadata m;
    m.architecture.inputSize = 64;
    m.architecture.baseWidth = 4;
    m.architecture.embedDim = 16;
    m.architecture.attentionHeads = 2;
    m.architecture.mlpRatio = 2;
    m.architecture.dropout = 0.0;
    m.preprocessing.inputSize = 64;
    m.preprocessing.fieldOfViewMm = 240.0;
    return m;
}

/// A bright ellipsoid "head" with a brighter sphere, on an anisotropic grid.
ImageVolume syntheticSeries() {
    ImageGeometry g;
    g.size = {48, 40, 9};
    g.spacing = {4.5, 5.0, 6.0};
    g.origin = {-100.0, -90.0, -20.0};
    g.validate();
    ImageVolume image(g, 0.0f);
    for (std::int64_t k = 0; k < 9; ++k) {
        for (std::int64_t j = 0; j < 40; ++j) {
            for (std::int64_t i = 0; i < 48; ++i) {
                const double x = (i - 24) / 20.0, y = (j - 20) / 16.0, z = (k - 4) / 4.5;
                const double r = x * x + y * y + z * z;
                float value =
                    r < 1.0 ? 300.0f + static_cast<float>(10 * ((i * 7 + j * 3 + k) % 5)) : 5.0f;
                if ((i - 30) * (i - 30) + (j - 18) * (j - 18) + (k - 4) * (k - 4) < 9) {
                    value = 900.0f;
                }
                image.at(i, j, k) = value;
            }
        }
    }
    return image;
}

class RecordingSink final : public ProgressSink {
public:
    explicit RecordingSink(int cancelAfterReports = -1) : cancelAfter_(cancelAfterReports) {}
    void begin(const std::string&) override { ++begins; }
    bool report(double fraction, const std::string&) override {
        last = fraction;
        ++reports;
        return cancelAfter_ < 0 || reports <= cancelAfter_;
    }
    void end() override { ++ends; }
    int begins = 0, ends = 0, reports = 0;
    double last = -1.0;

private:
    int cancelAfter_;
};

} // namespace

class TestInferenceEngine : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    fs::path package_;

    InferenceOptions cpuOptions(int batch) const {
        InferenceOptions options;
        options.device = ComputeDevice::Cpu;
        options.threads = 2;
        options.batchSize = batch;
        return options;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        package_ = fs::path(dir_.path().toStdString()) / "tiny";
        ModelPackageMetadata m = tinyMetadata();
        writeRandomModelPackage(package_, m, 3);
    }

    void outputsLieOnTheSeriesGridAndAgree() {
        const ImageVolume series = syntheticSeries();
        InferenceEngine engine(package_, cpuOptions(4));
        QCOMPARE(engine.device(), std::string("cpu"));
        NullProgressSink sink;
        const InferenceResult r = engine.run(series, sink);

        QVERIFY(r.probability.geometry().sameGridAs(series.geometry()));
        QVERIFY(r.mask.geometry().sameGridAs(series.geometry()));
        QCOMPARE(r.modelGeometry.size[0], std::size_t{64});
        QCOMPARE(r.modelGeometry.size[1], std::size_t{64});
        const std::size_t slices = r.modelGeometry.size[2];
        QVERIFY(slices >= 9);
        QCOMPARE(r.sliceMutantProbability.size(), slices);
        QCOMPARE(r.sliceGtvAreaMm2.size(), slices);
        for (double p : r.sliceMutantProbability) {
            QVERIFY(p >= 0.0 && p <= 1.0);
        }
        std::size_t maskVoxels = 0;
        for (std::size_t i = 0; i < r.mask.data().size(); ++i) {
            const float p = r.probability.data()[i];
            QVERIFY(p >= 0.0f && p <= 1.0f);
            QCOMPARE(r.mask.data()[i] != 0, p >= 0.5f);
            maskVoxels += r.mask.data()[i] != 0;
        }
        std::size_t lesionVoxels = 0;
        for (const auto& lesion : r.lesions) {
            QVERIFY(lesion.meanProbability >= 0.5 && lesion.meanProbability <= 1.0);
            QVERIFY(lesion.volumeMl > 0.0);
            lesionVoxels += lesion.voxelCount;
        }
        QCOMPARE(lesionVoxels, maskVoxels);
        QVERIFY(r.patientCall.has_value());
        QVERIFY(r.patientCall->meanProbability >= 0.0 && r.patientCall->meanProbability <= 1.0);
        QVERIFY(!r.patientCall->slicesUsed.empty());
        QCOMPARE(r.batchSize, 4);
    }

    void runsAreDeterministicAndBatchingDoesNotChangeThem() {
        const ImageVolume series = syntheticSeries();
        NullProgressSink sink;
        InferenceEngine batched(package_, cpuOptions(3));
        const InferenceResult a = batched.run(series, sink);
        const InferenceResult b = batched.run(series, sink);
        QVERIFY(a.probability.data() == b.probability.data());
        QVERIFY(a.sliceMutantProbability == b.sliceMutantProbability);

        InferenceEngine single(package_, cpuOptions(1));
        const InferenceResult c = single.run(series, sink);
        double worst = 0.0;
        for (std::size_t i = 0; i < a.probability.data().size(); ++i) {
            worst = std::max(worst, static_cast<double>(std::abs(a.probability.data()[i] -
                                                                 c.probability.data()[i])));
        }
        QVERIFY2(worst < 1e-4, std::to_string(worst).c_str());
        for (std::size_t k = 0; k < a.sliceMutantProbability.size(); ++k) {
            QVERIFY(std::abs(a.sliceMutantProbability[k] - c.sliceMutantProbability[k]) < 1e-4);
        }
    }

    void reportsProgressToTheEnd() {
        InferenceEngine engine(package_, cpuOptions(2));
        RecordingSink sink;
        engine.run(syntheticSeries(), sink);
        QCOMPARE(sink.begins, 1);
        QCOMPARE(sink.ends, 1);
        QVERIFY(sink.reports >= 5); // at least one per batch of 2 slices
        QCOMPARE(sink.last, 1.0);
    }

    void cancelStopsTheRun() {
        InferenceEngine engine(package_, cpuOptions(1));
        RecordingSink sink(2);
        QVERIFY_THROWS_EXCEPTION(OperationCancelled, engine.run(syntheticSeries(), sink));
        QCOMPARE(sink.ends, 1);
        QVERIFY(sink.last < 0.5);
    }

    void refusesABrokenPackage() {
        const fs::path broken = fs::path(dir_.path().toStdString()) / "broken";
        ModelPackageMetadata m = tinyMetadata();
        writeRandomModelPackage(broken, m, 4);
        fs::resize_file(broken / kModelPackageWeightsFile, 10);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, InferenceEngine(broken, cpuOptions(1)));
    }

    void automaticBatchFitsTheBudget() {
        MtsaNetConfig paper;
        const int batch = batchSizeForBudget(paper, 1024.0 * 1024 * 1024);
        QVERIFY(batch >= 1 && batch < 16);
        QVERIFY(batchSizeForBudget(paper, 4.0 * 1024 * 1024 * 1024) > batch);
        QCOMPARE(batchSizeForBudget(paper, 1.0), 1);
        InferenceEngine engine(package_, cpuOptions(0));
        QVERIFY(engine.batchSize() >= 1 && engine.batchSize() <= 64);
    }

    void parsesDevices() {
        QVERIFY(computeDeviceFromString("cuda") == ComputeDevice::Cuda);
        QCOMPARE(toString(ComputeDevice::Auto), std::string("auto"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, computeDeviceFromString("gpu"));
    }
};

QTEST_GUILESS_MAIN(TestInferenceEngine)
#include "test_inference_engine.moc"
