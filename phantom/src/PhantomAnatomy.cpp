// Template anatomy for the phantom: Colin27 (ch2, ch2bet, ch2better), AAL and JHU from
// mricron-data. Every map is brought onto another grid through world coordinates only
// (PHANTOM.md section 1), with core's patient-space resampling.

#include "PhantomInternal.h"
#include "metis/core/Resample.h"
#include "metis/imaging/VolumeIO.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <itkMetaDataObject.h>
#include <itkNiftiImageIO.h>
#include <sstream>
#include <stdexcept>

namespace metis::phantom::detail {
namespace {

/// The grid a NIfTI file's sform places it on, in LPS. ITK prefers the qform when both are set,
/// and the JHU atlas's qform flips z against its (MNI) sform; the templates are mapped through
/// their sforms (PHANTOM.md section 1). Returns false when the file has no sform.
bool sformGeometry(const std::filesystem::path& path, ImageGeometry& geometry) {
    auto io = itk::NiftiImageIO::New();
    io->SetFileName(path.string());
    try {
        io->ReadImageInformation();
    } catch (const itk::ExceptionObject& e) {
        throw std::runtime_error("phantom anatomy: cannot read " + path.string() + ": " +
                                 e.GetDescription());
    }
    const auto& dictionary = io->GetMetaDataDictionary();
    std::string code;
    if (!itk::ExposeMetaData<std::string>(dictionary, "sform_code", code) ||
        std::atoi(code.c_str()) <= 0) {
        return false;
    }
    double affine[3][4];
    const char* rows[] = {"srow_x", "srow_y", "srow_z"};
    for (int r = 0; r < 3; ++r) {
        std::string text;
        if (!itk::ExposeMetaData<std::string>(dictionary, rows[r], text)) {
            return false;
        }
        std::istringstream values(text);
        for (double& v : affine[r]) {
            if (!(values >> v)) {
                throw std::runtime_error("phantom anatomy: " + path.string() + ": unreadable " +
                                         rows[r]);
            }
        }
    }
    // RAS -> LPS: negate the x and y rows.
    for (int r = 0; r < 2; ++r) {
        for (double& v : affine[r]) {
            v = -v;
        }
    }
    for (int c = 0; c < 3; ++c) {
        const double length = std::sqrt(affine[0][c] * affine[0][c] + affine[1][c] * affine[1][c] +
                                        affine[2][c] * affine[2][c]);
        geometry.spacing[static_cast<std::size_t>(c)] = length;
        for (int r = 0; r < 3; ++r) {
            geometry.direction[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] =
                affine[r][c] / length;
        }
    }
    for (int r = 0; r < 3; ++r) {
        geometry.origin[static_cast<std::size_t>(r)] = affine[r][3];
    }
    geometry.validate();
    return true;
}

LabelMap toLabels(const ImageVolume& image) {
    LabelMap labels(image.geometry());
    for (std::size_t n = 0; n < labels.data().size(); ++n) {
        labels.data()[n] =
            static_cast<std::uint16_t>(std::clamp(std::lround(image.data()[n]), 0L, 65535L));
    }
    return labels;
}

/// The white-matter peak of a T1 brain: the histogram mode above the median brain value.
float whiteMatterPeak(const ImageVolume& brain) {
    std::vector<float> values;
    for (const float v : brain.data()) {
        if (v > 0) {
            values.push_back(v);
        }
    }
    if (values.empty()) {
        throw std::runtime_error("phantom anatomy: the brain template is empty");
    }
    auto middle = values.begin() + static_cast<long>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    const float median = *middle;
    std::vector<std::size_t> histogram(512, 0);
    const float top = *std::max_element(values.begin(), values.end());
    for (const float v : values) {
        if (v >= median) {
            ++histogram[static_cast<std::size_t>(std::min(511.0f, v / top * 511.0f))];
        }
    }
    const auto peak = std::max_element(histogram.begin(), histogram.end()) - histogram.begin();
    return (static_cast<float>(peak) + 0.5f) / 511.0f * top;
}

/// City-block distance (voxels) from the seeds, up to `limit`; 255 beyond.
std::vector<std::uint8_t> distanceFrom(const ImageGeometry& grid,
                                       const std::vector<std::uint8_t>& seeds,
                                       const std::vector<std::uint8_t>& allowed, int limit) {
    std::vector<std::uint8_t> distance(seeds.size(), 255);
    std::deque<std::size_t> queue;
    for (std::size_t n = 0; n < seeds.size(); ++n) {
        if (seeds[n]) {
            distance[n] = 0;
            queue.push_back(n);
        }
    }
    const std::int64_t sx = grid.size[0], sy = grid.size[1], sz = grid.size[2];
    while (!queue.empty()) {
        const std::size_t n = queue.front();
        queue.pop_front();
        if (distance[n] >= limit) {
            continue;
        }
        const auto i = static_cast<std::int64_t>(n) % sx;
        const auto j = (static_cast<std::int64_t>(n) / sx) % sy;
        const auto k = static_cast<std::int64_t>(n) / (sx * sy);
        const std::int64_t offsets[6][3] = {{1, 0, 0},  {-1, 0, 0}, {0, 1, 0},
                                            {0, -1, 0}, {0, 0, 1},  {0, 0, -1}};
        for (const auto& o : offsets) {
            const std::int64_t a = i + o[0], b = j + o[1], c = k + o[2];
            if (a < 0 || b < 0 || c < 0 || a >= sx || b >= sy || c >= sz) {
                continue;
            }
            const std::size_t m = grid.linearIndex(a, b, c);
            if (allowed[m] && distance[m] == 255) {
                distance[m] = static_cast<std::uint8_t>(distance[n] + 1);
                queue.push_back(m);
            }
        }
    }
    return distance;
}

void splat(ImageVolume& map, const Vec3& world, double radiusMm, float strength) {
    const ImageGeometry& g = map.geometry();
    const Vec3 centre = g.patientToIndex(world);
    const int reach = static_cast<int>(std::ceil(radiusMm + 1.0));
    for (int dk = -reach; dk <= reach; ++dk) {
        for (int dj = -reach; dj <= reach; ++dj) {
            for (int di = -reach; di <= reach; ++di) {
                const auto i = static_cast<std::int64_t>(std::lround(centre[0])) + di;
                const auto j = static_cast<std::int64_t>(std::lround(centre[1])) + dj;
                const auto k = static_cast<std::int64_t>(std::lround(centre[2])) + dk;
                if (!g.containsIndex(i, j, k)) {
                    continue;
                }
                const double dx = (static_cast<double>(i) - centre[0]) * g.spacing[0];
                const double dy = (static_cast<double>(j) - centre[1]) * g.spacing[1];
                const double dz = (static_cast<double>(k) - centre[2]) * g.spacing[2];
                const double d = std::sqrt(dx * dx + dy * dy + dz * dz);
                const float value =
                    strength * static_cast<float>(std::clamp(radiusMm + 0.5 - d, 0.0, 1.0));
                float& voxel = map.at(i, j, k);
                voxel = std::max(voxel, value);
            }
        }
    }
}

} // namespace

float sampleTrilinear(const ImageVolume& volume, const Vec3& index, float outside) {
    return withinGridExtent(index, volume.size())
               ? static_cast<float>(interpolateLinear(volume, index))
               : outside;
}

} // namespace metis::phantom::detail

namespace metis::phantom {

using namespace detail;

std::string describeAnatomy(const PhantomAnatomy& anatomy) {
    char text[256];
    std::snprintf(text, sizeof text,
                  "templates: ch2better WM peak %.1f -> 1.0; ch2better vs ch2bet brain Dice %.3f "
                  "(through world coordinates); %zu placement voxels",
                  static_cast<double>(anatomy.whiteMatterRaw), anatomy.maskOverlapDice,
                  anatomy.groupVoxels[0].size() + anatomy.groupVoxels[1].size() +
                      anatomy.groupVoxels[2].size() + anatomy.groupVoxels[3].size());
    return text;
}

bool PhantomAnatomy::inBrain(const Vec3& world) const {
    const Vec3 index = grid.patientToIndex(world);
    const auto i = std::lround(index[0]), j = std::lround(index[1]), k = std::lround(index[2]);
    return grid.containsIndex(i, j, k) && brainMask[grid.linearIndex(i, j, k)];
}

std::shared_ptr<const PhantomAnatomy> loadPhantomAnatomy(const std::filesystem::path& directory) {
    auto anatomy = std::make_shared<PhantomAnatomy>();
    auto read = [&](const char* name) {
        const auto path = directory / name;
        if (!std::filesystem::exists(path)) {
            throw std::runtime_error("phantom anatomy: " + path.string() +
                                     " is missing (install Debian's mricron-data)");
        }
        ImageVolume volume = imaging::readImage(path);
        ImageGeometry world = volume.geometry();
        if (sformGeometry(path, world)) {
            volume.setGeometry(world);
        }
        return volume;
    };
    const ImageVolume head = read("ch2.nii.gz");
    const ImageVolume bet = read("ch2bet.nii.gz");
    ImageVolume better = read("ch2better.nii.gz");
    const LabelMap aal = toLabels(read("aal.nii.gz"));
    const LabelMap jhu = toLabels(read("JHU-WhiteMatter-labels-1mm.nii.gz"));

    // Intensities: WM = 1. ch2 and ch2bet share one scale (ch2bet is ch2 skull-stripped).
    const float headWm = whiteMatterPeak(bet);
    const float betterWm = whiteMatterPeak(better);
    anatomy->whiteMatterRaw = betterWm;
    anatomy->coarseHead = head;
    for (float& v : anatomy->coarseHead.data()) {
        v /= headWm;
    }
    // The fine brain: ch2better inside the brain, the 1 mm head (through world) elsewhere.
    ResampleOptions linear;
    const ImageVolume headOnFine = resampleLinear(anatomy->coarseHead, better.geometry(), linear);
    std::size_t fineBrain = 0, both = 0, betBrain = 0;
    const ImageVolume betOnFine = resampleLinear(bet, better.geometry(), linear);
    for (std::size_t n = 0; n < better.data().size(); ++n) {
        const bool inFine = better.data()[n] > 0;
        const bool inBet = betOnFine.data()[n] > 0.5f;
        fineBrain += inFine;
        betBrain += inBet;
        both += inFine && inBet;
        better.data()[n] = inFine ? better.data()[n] / betterWm : headOnFine.data()[n];
    }
    anatomy->maskOverlapDice =
        2.0 * static_cast<double>(both) / static_cast<double>(fineBrain + betBrain);
    if (anatomy->maskOverlapDice < 0.9) {
        throw std::runtime_error("phantom anatomy: ch2better and ch2bet do not line up in world "
                                 "coordinates (brain Dice " +
                                 std::to_string(anatomy->maskOverlapDice) + ")");
    }
    anatomy->fineHead = std::move(better);

    // Tissue classes and placement weights on the ch2bet grid.
    const ImageGeometry& grid = bet.geometry();
    anatomy->grid = grid;
    const std::size_t count = grid.voxelCount();
    const LabelMap aalOnGrid = resampleNearest(aal, grid);
    const LabelMap jhuOnGrid = resampleNearest(jhu, grid);
    anatomy->tissue.assign(count, Outside);
    anatomy->brainMask.assign(count, 0);
    for (std::size_t n = 0; n < count; ++n) {
        const float v = bet.data()[n] / headWm;
        if (bet.data()[n] <= 0) {
            continue;
        }
        anatomy->brainMask[n] = 1;
        anatomy->tissue[n] = v < 0.55f ? Csf : (v < 0.88f ? Gm : Wm);
    }
    std::vector<std::uint8_t> boundary(count, 0), tissueVoxels(count, 0);
    const std::int64_t sx = grid.size[0], sxy = grid.size[0] * grid.size[1];
    for (std::int64_t k = 1; k + 1 < grid.size[2]; ++k) {
        for (std::int64_t j = 1; j + 1 < grid.size[1]; ++j) {
            for (std::int64_t i = 1; i + 1 < grid.size[0]; ++i) {
                const std::size_t n = grid.linearIndex(i, j, k);
                const auto t = anatomy->tissue[n];
                tissueVoxels[n] = t == Gm || t == Wm;
                if (t != Wm) {
                    continue;
                }
                for (const std::int64_t o :
                     {std::int64_t{1}, std::int64_t{-1}, sx, -sx, sxy, -sxy}) {
                    if (anatomy
                            ->tissue[static_cast<std::size_t>(static_cast<std::int64_t>(n) + o)] ==
                        Gm) {
                        boundary[n] = 1;
                    }
                }
            }
        }
    }
    const auto gwjDistance = distanceFrom(grid, boundary, tissueVoxels, 3);

    // Regions: AAL labels spread into unlabelled brain (white matter) by nearest label; the
    // brainstem is the JHU brainstem tracts widened by 3 mm inside unlabelled brain.
    std::vector<std::uint16_t> region(count, 0);
    std::deque<std::size_t> queue;
    for (std::size_t n = 0; n < count; ++n) {
        if (anatomy->brainMask[n] && aalOnGrid.data()[n] > 0) {
            region[n] = aalOnGrid.data()[n];
            queue.push_back(n);
        }
    }
    std::vector<std::uint8_t> brainstemSeed(count, 0), unlabelled(count, 0);
    for (std::size_t n = 0; n < count; ++n) {
        const auto t = jhuOnGrid.data()[n];
        unlabelled[n] = anatomy->brainMask[n] && aalOnGrid.data()[n] == 0;
        // Pontine crossing tract, medial lemnisci, cerebral peduncles.
        brainstemSeed[n] = unlabelled[n] && (t == 2 || t == 9 || t == 10 || t == 15 || t == 16);
    }
    const auto brainstemDistance = distanceFrom(grid, brainstemSeed, unlabelled, 3);
    while (!queue.empty()) {
        const std::size_t n = queue.front();
        queue.pop_front();
        for (const std::int64_t o : {std::int64_t{1}, std::int64_t{-1}, sx, -sx, sxy, -sxy}) {
            const auto m = static_cast<std::int64_t>(n) + o;
            if (m < 0 || m >= static_cast<std::int64_t>(count)) {
                continue;
            }
            const auto mm = static_cast<std::size_t>(m);
            if (anatomy->brainMask[mm] && region[mm] == 0) {
                region[mm] = region[n];
                queue.push_back(mm);
            }
        }
    }

    anatomy->tissueKind.assign(count, 0);
    anatomy->group.assign(count, 0);
    std::array<std::vector<double>, 4> weights;
    Vec3 low{1e9, 1e9, 1e9}, high{-1e9, -1e9, -1e9};
    Vec3 sum{0, 0, 0};
    std::size_t brainCount = 0;
    for (std::int64_t k = 0; k < grid.size[2]; ++k) {
        for (std::int64_t j = 0; j < grid.size[1]; ++j) {
            for (std::int64_t i = 0; i < grid.size[0]; ++i) {
                const std::size_t n = grid.linearIndex(i, j, k);
                if (!anatomy->brainMask[n]) {
                    continue;
                }
                const Vec3 w = grid.indexToPatient({double(i), double(j), double(k)});
                for (int a = 0; a < 3; ++a) {
                    low[a] = std::min(low[a], w[a]);
                    high[a] = std::max(high[a], w[a]);
                    sum[a] += w[a];
                }
                ++brainCount;
                const auto label = region[n];
                const auto t = anatomy->tissue[n];
                int group = GroupSupratentorial;
                if (label >= 91 && label <= 116) {
                    group = GroupCerebellum;
                } else if (brainstemDistance[n] <= 3) {
                    group = GroupBrainstem;
                } else if (label >= 79 && label <= 90) {
                    group = GroupTemporal;
                }
                anatomy->group[n] = static_cast<std::uint8_t>(group);
                // Section 10 voxel weights.
                double weight = 0;
                std::uint8_t kind = 0;
                if (t == Csf) {
                    weight = 0;
                } else if (aalOnGrid.data()[n] == 37 || aalOnGrid.data()[n] == 38) {
                    weight = 0.1;
                    kind = 5;
                } else if (aalOnGrid.data()[n] >= 71 && aalOnGrid.data()[n] <= 78) {
                    weight = 0.3;
                    kind = 4;
                } else if (gwjDistance[n] <= 3) {
                    weight = 3;
                    kind = 1;
                } else if (t == Gm) {
                    weight = 1.5;
                    kind = 2;
                } else {
                    weight = 1;
                    kind = 3;
                }
                anatomy->tissueKind[n] = kind;
                if (weight > 0) {
                    anatomy->groupVoxels[static_cast<std::size_t>(group)].push_back(
                        static_cast<std::uint32_t>(n));
                    weights[static_cast<std::size_t>(group)].push_back(weight);
                }
            }
        }
    }
    for (int a = 0; a < 3; ++a) {
        anatomy->brainCentre[a] = sum[a] / static_cast<double>(brainCount);
    }
    anatomy->brainLow = low;
    anatomy->brainHigh = high;
    for (std::size_t g = 0; g < 4; ++g) {
        double total = 0;
        auto& cumulative = anatomy->groupCumulative[g];
        cumulative.reserve(weights[g].size());
        for (const double w : weights[g]) {
            total += w;
            cumulative.push_back(total);
        }
        if (total <= 0) {
            const char* names[] = {"supratentorial", "temporal", "cerebellum", "brainstem"};
            throw std::runtime_error(
                std::string("phantom anatomy: the ") + names[g] +
                " placement region is empty; are the templates the mricron-data ones?");
        }
        anatomy->groupWeight[g] = total;
    }

    // Enhancing mimics on the ch2bet grid: dural sinuses, choroid plexus, cortical vessels.
    ImageVolume mimics(grid, 0.0f);
    const auto depth = distanceFrom(
        grid,
        [&] {
            std::vector<std::uint8_t> outside(count, 0);
            for (std::size_t n = 0; n < count; ++n) {
                outside[n] = !anatomy->brainMask[n];
            }
            return outside;
        }(),
        anatomy->brainMask, 40);
    // Superior sagittal sinus: just above the brain along the midline, front to back.
    const double midX = anatomy->brainCentre[0];
    Vec3 torcula{midX, high[1], anatomy->brainCentre[2]};
    for (double y = low[1] + 15; y <= high[1]; y += 0.5) {
        double top = -1e9;
        for (double z = high[2]; z >= low[2]; z -= 1.0) {
            if (anatomy->inBrain({midX, y, z})) {
                top = z;
                break;
            }
        }
        if (top < -1e8) {
            continue;
        }
        const double posterior = (y - low[1]) / (high[1] - low[1]);
        splat(mimics, {midX, y, top + 2.5}, 1.5 + 1.5 * posterior, 1.0f);
        torcula = {midX, y + 2.5, top};
    }
    // Transverse sinuses: from the torcula round the back of the cerebellum to each side.
    for (const double side : {-1.0, 1.0}) {
        for (double t = 0; t <= 1.0; t += 0.01) {
            const double x = midX + side * 55.0 * std::sin(t * 1.4);
            const double z = torcula[2] - 5.0 - 12.0 * t;
            double back = -1e9;
            for (double y = high[1]; y >= low[1]; y -= 1.0) {
                if (anatomy->inBrain({x, y, z})) {
                    back = y;
                    break;
                }
            }
            if (back > -1e8) {
                splat(mimics, {x, back + 2.5, z}, 2.0, 1.0f);
            }
        }
    }
    // Choroid plexus: a lumpy glomus in the atrium of each lateral ventricle (ventricular CSF
    // deep in the brain, behind the thalamus at its level), not the whole posterior horn.
    Rng lumps(0xC0A0ull);
    for (std::int64_t k = 0; k < grid.size[2]; ++k) {
        for (std::int64_t j = 0; j < grid.size[1]; ++j) {
            for (std::int64_t i = 0; i < grid.size[0]; ++i) {
                const std::size_t n = grid.linearIndex(i, j, k);
                if (anatomy->tissue[n] != Csf || depth[n] < 22) {
                    continue;
                }
                const Vec3 w = grid.indexToPatient({double(i), double(j), double(k)});
                const double back = w[1] - anatomy->brainCentre[1];
                const double up = w[2] - anatomy->brainCentre[2];
                const double side = std::abs(w[0] - midX);
                const bool atrium =
                    back > 10 && back < 32 && up > -2 && up < 14 && side > 12 && side < 34;
                if (atrium && lumps.chance(0.35)) {
                    splat(mimics, w, 0.8, 0.6f);
                }
            }
        }
    }
    // Cortical vessels: random walks through sulcal CSF near the surface (fixed seed: part of
    // the template; the patient's warp moves them).
    Rng rng(0x5EED5EEDull);
    std::vector<std::size_t> sulcal;
    for (std::size_t n = 0; n < count; ++n) {
        if (anatomy->tissue[n] == Csf && depth[n] <= 8) {
            sulcal.push_back(n);
        }
    }
    for (int vessel = 0; vessel < 160 && !sulcal.empty(); ++vessel) {
        std::size_t n =
            sulcal[static_cast<std::size_t>(rng.uniform() * static_cast<double>(sulcal.size()))];
        Vec3 position =
            grid.indexToPatient({double(static_cast<std::int64_t>(n) % sx),
                                 double((static_cast<std::int64_t>(n) / sx) % grid.size[1]),
                                 double(static_cast<std::int64_t>(n) / sxy)});
        Vec3 heading{rng.normal(), rng.normal(), rng.normal()};
        const double radius = rng.uniform(0.3, 1.0);
        const int steps = rng.integer(20, 60);
        for (int step = 0; step < steps; ++step) {
            splat(mimics, position, radius, 1.0f);
            for (int a = 0; a < 3; ++a) {
                heading[a] += 0.4 * rng.normal();
            }
            const double length = norm(heading);
            for (int a = 0; a < 3; ++a) {
                position[a] += heading[a] / length * 0.8;
            }
            // Stay in sulci: a walk that enters deep tissue ends there.
            const Vec3 index = grid.patientToIndex(position);
            const auto i = std::lround(index[0]), j = std::lround(index[1]),
                       k = std::lround(index[2]);
            if (!grid.containsIndex(i, j, k) || depth[grid.linearIndex(i, j, k)] > 10 ||
                anatomy->tissue[grid.linearIndex(i, j, k)] == Wm) {
                break;
            }
        }
    }
    anatomy->mimics = std::move(mimics);
    return anatomy;
}

} // namespace metis::phantom

namespace metis::phantom::detail {

Mat3 rotationMatrix(const Vec3& degrees) {
    const double rx = degrees[0] * M_PI / 180, ry = degrees[1] * M_PI / 180,
                 rz = degrees[2] * M_PI / 180;
    const Mat3 x{{{1, 0, 0}, {0, std::cos(rx), -std::sin(rx)}, {0, std::sin(rx), std::cos(rx)}}};
    const Mat3 y{{{std::cos(ry), 0, std::sin(ry)}, {0, 1, 0}, {-std::sin(ry), 0, std::cos(ry)}}};
    const Mat3 z{{{std::cos(rz), -std::sin(rz), 0}, {std::sin(rz), std::cos(rz), 0}, {0, 0, 1}}};
    return multiply(z, multiply(y, x));
}

SubjectTransform::SubjectTransform(const PhantomPose& pose, const Vec3& templateCentre)
    : centre_(templateCentre), shift_(pose.shiftMm) {
    // Template -> patient: rotate and scale about the brain centre, then shift.
    Mat3 scale{};
    for (int a = 0; a < 3; ++a) {
        scale[a][a] = pose.scale[a];
    }
    backward_ = multiply(rotationMatrix(pose.rotationDegrees), scale);
    forward_ = inverse(backward_);
    maxScale_ = std::max({pose.scale[0], pose.scale[1], pose.scale[2]});

    // Smooth warp: cubic B-spline over a 40 mm control lattice (section 10: SD 2 mm, at most
    // 6 mm), evaluated separably on an 8 mm grid that is read trilinearly.
    const double control = 40.0, half = 140.0, step = 8.0;
    const int nodes = static_cast<int>(2 * half / control) + 4;
    const int points = static_cast<int>(2 * half / step) + 1;
    Rng rng(pose.warpSeed);
    // lattice[axis][z][y][x]
    std::vector<double> lattice(static_cast<std::size_t>(3 * nodes * nodes * nodes));
    for (double& v : lattice) {
        v = rng.normal(0.0, pose.warpSdMm);
    }
    // Per output point: the first control node and its four basis weights.
    std::vector<int> first(static_cast<std::size_t>(points));
    std::vector<std::array<double, 4>> weights(static_cast<std::size_t>(points));
    for (int n = 0; n < points; ++n) {
        const double u = n * step / control + 1;
        const int base = static_cast<int>(u);
        const double t = u - base, t2 = t * t, t3 = t2 * t;
        first[static_cast<std::size_t>(n)] = base - 1;
        weights[static_cast<std::size_t>(n)] = {(1 - t) * (1 - t) * (1 - t) / 6,
                                                (3 * t3 - 6 * t2 + 4) / 6,
                                                (-3 * t3 + 3 * t2 + 3 * t + 1) / 6, t3 / 6};
    }
    auto node = [nodes](int x) { return std::min(std::max(x, 0), nodes - 1); };
    // Separable passes: x, then y, then z.
    const auto P = static_cast<std::size_t>(points), N = static_cast<std::size_t>(nodes);
    std::vector<double> passX(3 * N * N * P, 0.0), passY(3 * N * P * P, 0.0);
    for (std::size_t a = 0; a < 3; ++a) {
        for (std::size_t z = 0; z < N; ++z) {
            for (std::size_t y = 0; y < N; ++y) {
                for (std::size_t x = 0; x < P; ++x) {
                    double sum = 0;
                    for (int b = 0; b < 4; ++b) {
                        const auto src = static_cast<std::size_t>(node(first[x] + b));
                        sum += weights[x][static_cast<std::size_t>(b)] *
                               lattice[((a * N + z) * N + y) * N + src];
                    }
                    passX[((a * N + z) * N + y) * P + x] = sum;
                }
            }
        }
        for (std::size_t z = 0; z < N; ++z) {
            for (std::size_t y = 0; y < P; ++y) {
                for (std::size_t x = 0; x < P; ++x) {
                    double sum = 0;
                    for (int b = 0; b < 4; ++b) {
                        const auto src = static_cast<std::size_t>(node(first[y] + b));
                        sum += weights[y][static_cast<std::size_t>(b)] *
                               passX[((a * N + z) * N + src) * P + x];
                    }
                    passY[((a * N + z) * P + y) * P + x] = sum;
                }
            }
        }
    }
    warpGrid_.size = {points, points, points};
    warpGrid_.spacing = {step, step, step};
    warpGrid_.origin = {shift_[0] - half, shift_[1] - half, shift_[2] - half};
    warp_.assign(warpGrid_.voxelCount() * 3, 0.0f);
    for (std::size_t z = 0; z < P; ++z) {
        for (std::size_t y = 0; y < P; ++y) {
            for (std::size_t x = 0; x < P; ++x) {
                double d[3] = {0, 0, 0};
                for (std::size_t a = 0; a < 3; ++a) {
                    for (int b = 0; b < 4; ++b) {
                        const auto src = static_cast<std::size_t>(node(first[z] + b));
                        d[a] += weights[z][static_cast<std::size_t>(b)] *
                                passY[((a * N + src) * P + y) * P + x];
                    }
                }
                const double length = std::sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                const double limit = length > 6.0 ? 6.0 / length : 1.0;
                const std::size_t n = ((z * P + y) * P + x) * 3;
                for (std::size_t a = 0; a < 3; ++a) {
                    warp_[n + a] = static_cast<float>(d[a] * limit);
                }
            }
        }
    }
}

Vec3 SubjectTransform::displacement(const Vec3& p) const {
    double c[3];
    for (int a = 0; a < 3; ++a) {
        c[a] = std::clamp((p[a] - warpGrid_.origin[a]) / warpGrid_.spacing[a], 0.0,
                          static_cast<double>(warpGrid_.size[a]) - 1.001);
    }
    const auto i = static_cast<std::int64_t>(c[0]), j = static_cast<std::int64_t>(c[1]),
               k = static_cast<std::int64_t>(c[2]);
    const double fx = c[0] - double(i), fy = c[1] - double(j), fz = c[2] - double(k);
    Vec3 d{0, 0, 0};
    for (int corner = 0; corner < 8; ++corner) {
        const int a = corner & 1, b = (corner >> 1) & 1, e = (corner >> 2) & 1;
        const double w = (a ? fx : 1 - fx) * (b ? fy : 1 - fy) * (e ? fz : 1 - fz);
        const std::size_t n = warpGrid_.linearIndex(i + a, j + b, k + e) * 3;
        for (int axis = 0; axis < 3; ++axis) {
            d[axis] += w * warp_[n + static_cast<std::size_t>(axis)];
        }
    }
    return d;
}

Vec3 SubjectTransform::toTemplate(const Vec3& p) const {
    const Vec3 local{p[0] - shift_[0], p[1] - shift_[1], p[2] - shift_[2]};
    const Vec3 linear = applyMatrix(forward_, local);
    const Vec3 d = displacement(p);
    return {centre_[0] + linear[0] + d[0], centre_[1] + linear[1] + d[1],
            centre_[2] + linear[2] + d[2]};
}

Vec3 SubjectTransform::toPatient(const Vec3& q) const {
    Vec3 p = shift_;
    for (int iteration = 0; iteration < 8; ++iteration) {
        const Vec3 d = displacement(p);
        const Vec3 local =
            multiply(backward_, Vec3{q[0] - centre_[0] - d[0], q[1] - centre_[1] - d[1],
                                     q[2] - centre_[2] - d[2]});
        p = {shift_[0] + local[0], shift_[1] + local[1], shift_[2] + local[2]};
    }
    return p;
}

} // namespace metis::phantom::detail
