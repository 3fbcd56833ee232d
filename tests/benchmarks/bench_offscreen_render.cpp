// 3D view frame cost: VTK offscreen render of a 512 x 512 frame plus pixel read-back.
#include "BenchStats.h"
#include "metis/viewer/OffscreenSceneRenderer.h"

int main() {
    metis::viewer::OffscreenSceneRenderer renderer;
    renderer.setBackground({0.1, 0.1, 0.1});
    renderer.addSphere({0, 0, 0}, 1.0, {0.9, 0.2, 0.2});
    std::printf("OpenGL: %s\n", renderer.openGlDescription().substr(0, 200).c_str());
    renderer.render(512, 512); // warm-up
    std::vector<double> ms;
    for (int i = 0; i < 50; ++i) {
        const double start = bench::nowMs();
        renderer.render(512, 512);
        ms.push_back(bench::nowMs() - start);
    }
    bench::printSummary("offscreen 3D frame 512x512 + read-back", ms);
    return 0;
}
