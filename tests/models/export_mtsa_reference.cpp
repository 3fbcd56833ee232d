// Writes what tests/models/reference_mtsa_net.py needs to check the LibTorch MTSA-Net against an
// independent PyTorch build of the same network: the configuration, the weights (by name), a
// fixed input and the C++ eval-mode outputs.
//
// Usage: export_mtsa_reference OUT_DIR INPUT_SIZE BASE_WIDTH EMBED_DIM HEADS MLP_RATIO BATCH
#include "MtsaNet.h"
#include "TensorArchive.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

using namespace metis::models;

int main(int argc, char** argv) {
    if (argc != 8) {
        std::cerr << "usage: " << argv[0]
                  << " OUT_DIR INPUT_SIZE BASE_WIDTH EMBED_DIM HEADS MLP_RATIO BATCH\n";
        return 2;
    }
    try {
        const std::filesystem::path out = argv[1];
        MtsaNetConfig config;
        config.inputSize = std::stoi(argv[2]);
        config.baseWidth = std::stoi(argv[3]);
        config.embedDim = std::stoi(argv[4]);
        config.attentionHeads = std::stoi(argv[5]);
        config.mlpRatio = std::stoi(argv[6]);
        const int batch = std::stoi(argv[7]);
        std::filesystem::create_directories(out);

        torch::manual_seed(2023);
        MtsaNet net(config);
        {
            // Non-trivial BatchNorm statistics and affine terms, so eval-mode normalisation is
            // exercised instead of being the identity of a fresh network.
            torch::NoGradGuard noGrad;
            for (auto& [name, tensor] : net->namedState()) {
                const auto ends = [&name](const std::string& suffix) {
                    return name.size() >= suffix.size() &&
                           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
                };
                if (ends("running_mean")) {
                    tensor.uniform_(-0.2, 0.2);
                } else if (ends("running_var")) {
                    tensor.uniform_(0.5, 2.0);
                } else if (ends("norm.weight") || ends("norm1.weight") || ends("norm2.weight")) {
                    tensor.uniform_(0.8, 1.2);
                } else if (ends("norm.bias") || ends("norm1.bias") || ends("norm2.bias")) {
                    tensor.uniform_(-0.1, 0.1);
                }
            }
        }
        net->eval();
        torch::NoGradGuard noGrad;
        const auto input = torch::randn({batch, 1, config.inputSize, config.inputSize});
        const auto output = net->forward(input);

        saveWeights(*net, out / "weights.mtw");
        writeTensorArchive(out / "io.mtw",
                           {{"input", input}, {"seg", output.seg}, {"egfr", output.egfr}});
        std::ofstream configFile(out / "config.txt");
        configFile << "input_size " << config.inputSize << "\n"
                   << "base_width " << config.baseWidth << "\n"
                   << "embed_dim " << config.embedDim << "\n"
                   << "attention_heads " << config.attentionHeads << "\n"
                   << "mlp_ratio " << config.mlpRatio << "\n";
        if (!configFile) {
            throw std::runtime_error((out / "config.txt").string() + ": write failed");
        }
        std::cout << describe(config, summarise(config)) << "\n";
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "export_mtsa_reference: " << error.what() << "\n";
        return 1;
    }
}
