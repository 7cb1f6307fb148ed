#!/usr/bin/python3
"""The PyTorch twin of Learn2Add's three Part II autoencoders and its Part III addition model, and the
benchmark of learn2add-bench.

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/python/autoencoder_twin.py [--steps 40]
        [--threads 2] [--precision fp32|bf16] [--layout default|channels-last] [--json FILE]
    /usr/bin/python3 bench/python/autoencoder_twin.py --check-against DIR

The modules below copy core/models/ layer for layer, with the same parameter names, so that a
state dict of the C++ model loads into the twin unchanged: Encoder.h (three conv + ReLU + 2x2 max
pooling stages, then Linear 256 and Linear code, no activation between them), MirrorDecoder.h
(max_unpool2d with the encoder's indices in forward(), the x2 nearest upsampling times 1/4 fallback
in decode()), UpsampleDecoder.h and Resize64Decoder.h (nearest upsampling + 3x3 convolutions,
sigmoid output; resize64 works on 64x64 images), AdditionMlp.h and AdditionModel.h (P: code + 1 ->
32 -> 16 -> 16 -> code with ReLU; E, P and D with the upsample decoder, trained with the app's
default "guided" loss of train/AdditionLoss.cpp: 0.1 x L2(D(E(x)), x) + L2(D(P(E(x), u)), y) +
L2(P(E(x) held constant, u), E(y) held constant)). The Part IV variants (AdditionVariant.h):
"vae-addition" with the variational encoder (a to_log_variance head beside to_code; training decodes
a reparameterized sample of E(x)'s Gaussian for the reconstruction and P reads that sample; the
loss adds 1e-3 x KL(q(z | x) || N(0, I)), summed over the code and averaged over the batch), and
"vae-genp-addition" with the generative P as well (an output_log_variance layer beside output; the
generated image is decoded from a sample of P's Gaussian, and the code term is P's Gaussian
negative log-likelihood of E(y)'s mean, 0.5 x sum(log variance + (target - mean)^2 / variance)
averaged over the batch and divided by the code size).

The benchmark is learn2add-bench's (bench/AutoencoderBenchmark.cpp), step for step: seed 42, code
size 7, Adam lr 1e-3, MSE loss, batches of 128 of the embedded MNIST images resized (bilinear) to
the model's input size, gathered with index_select from a seeded permutation; 5 warm-up steps, then
`steps` timed steps of gather + forward + loss + zero_grad + backward + step; decode latency is the
median of 200 decode() calls of one code in eval mode under no_grad, after 20 warm-up calls. The
"addition" row trains on (x, u, y) tuples (x and y gathered from two seeded permutations, u an
integer addend 0..9) and counts tuples per second; its decode latency is add() of one image.
torch.set_num_threads(threads); the BLAS must be pinned with OPENBLAS_NUM_THREADS=1 in the
environment (learn2add-bench pins it itself).

--check-against DIR reads the references written by `learn2add-bench --export-reference DIR`
(the C++ models' initial parameters, a batch, forward() and decode() outputs, and for the addition
models the training loss of a batch with its noise drawn after torch.manual_seed(7)), loads each
into the twin and checks that the twin computes the same outputs: same function, not only the same
size. --only NAMES (comma-separated) runs those rows alone.
"""

import argparse
import gzip
import json
import os
import pathlib
import statistics
import struct
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn

BATCH_SIZE = 128
CODE_SIZE = 7
LEARNING_RATE = 1e-3
WARMUP_STEPS = 5
DECODE_WARMUP = 20
DECODE_REPEATS = 200
SEED = 42
TRAINING_IMAGES = 8000  # as learn2add-bench (there: the first 8,000 of its training split)
DECODERS = ("mirror", "upsample", "resize64")
ADDITION_VARIANTS = ("addition", "vae-addition", "vae-genp-addition")
ROWS = DECODERS + ADDITION_VARIANTS
LOSS_SEED = 7  # learn2add-bench's kLossSeed: the noise of the exported training loss
KL_WEIGHT = 1e-3  # AdditionTrainingOptions.h: klWeight
STAGE_CHANNELS = (32, 64, 128)  # Encoder.h: kStageChannels
HIDDEN_WIDTH = 256  # Encoder.h: kHiddenWidth
REPO = pathlib.Path(__file__).resolve().parents[2]
MNIST_IMAGES = REPO / "resources" / "mnist" / "embedded-images-idx3-ubyte.gz"


def max_pool_2x2(x):
    """core/models/MaxPooling.h: 2 x 2 max pooling; without gradients computed in the channels-last
    layout (the NCHW kernel of this LibTorch is scalar) and handed back in the layout it came in;
    the same values."""
    if x.requires_grad:
        return F.max_pool2d(x, 2, 2)
    came_in = (torch.channels_last
               if not x.is_contiguous() and x.is_contiguous(memory_format=torch.channels_last)
               else torch.contiguous_format)
    return F.max_pool2d(x.contiguous(memory_format=torch.channels_last), 2, 2).contiguous(
        memory_format=came_in)


def conv3x3(in_channels, out_channels):
    return nn.Conv2d(in_channels, out_channels, 3, padding=1)


class Encoder(nn.Module):
    """core/models/Encoder.h: conv1..conv3 (+ ReLU + max pool 2), hidden, to_code."""

    def __init__(self, code_size, image_size, variational=False):
        super().__init__()
        self.conv1 = conv3x3(1, STAGE_CHANNELS[0])
        self.conv2 = conv3x3(STAGE_CHANNELS[0], STAGE_CHANNELS[1])
        self.conv3 = conv3x3(STAGE_CHANNELS[1], STAGE_CHANNELS[2])
        side = image_size // 8
        self.hidden = nn.Linear(STAGE_CHANNELS[2] * side * side, HIDDEN_WIDTH)
        self.to_code = nn.Linear(HIDDEN_WIDTH, code_size)
        # Variational: the log-variance head, beside to_code on the same hidden layer.
        self.to_log_variance = nn.Linear(HIDDEN_WIDTH, code_size) if variational else None

    def convs(self):
        return (self.conv1, self.conv2, self.conv3)

    def head(self, features):
        return self.to_code(self.hidden(features.flatten(1)))  # "MLP (256), Linear": no ReLU

    def features(self, images):
        x = images
        for conv in self.convs():
            x = max_pool_2x2(torch.relu(conv(x)))
        return x

    def forward(self, images):
        return self.head(self.features(images))

    def forward_gaussian(self, images):
        """Variational: (mean, log-variance) of the code; the mean is forward()'s answer."""
        hidden = self.hidden(self.features(images).flatten(1))
        return self.to_code(hidden), self.to_log_variance(hidden)

    def forward_with_indices(self, images):
        """The code, and per stage the argmax indices and the size of the map that was pooled."""
        x = images
        indices, sizes = [], []
        for conv in self.convs():
            x = torch.relu(conv(x))
            sizes.append((x.size(2), x.size(3)))
            x, stage_indices = F.max_pool2d(x, 2, 2, return_indices=True)
            indices.append(stage_indices)
        return self.head(x), (indices, sizes)


class MirrorDecoder(nn.Module):
    """core/models/MirrorDecoder.h: from_code, to_features, then conv3, conv2, conv1 each after an
    unpooling (with the encoder's indices, or nearest x2 times 1/4 without them)."""

    def __init__(self, code_size, image_size):
        super().__init__()
        self.side = image_size // 8
        self.from_code = nn.Linear(code_size, HIDDEN_WIDTH)
        self.to_features = nn.Linear(HIDDEN_WIDTH, STAGE_CHANNELS[2] * self.side * self.side)
        # Registered deepest first, like the C++ module: conv3 (128 -> 64), conv2, conv1 (32 -> 1).
        self.conv3 = conv3x3(STAGE_CHANNELS[2], STAGE_CHANNELS[1])
        self.conv2 = conv3x3(STAGE_CHANNELS[1], STAGE_CHANNELS[0])
        self.conv1 = conv3x3(STAGE_CHANNELS[0], 1)

    def forward(self, code, pooling=None):
        x = self.to_features(self.from_code(code))
        x = x.view(code.size(0), STAGE_CHANNELS[2], self.side, self.side)
        for stage, conv in ((2, self.conv3), (1, self.conv2), (0, self.conv1)):
            if pooling is not None:
                indices, sizes = pooling
                x = F.max_unpool2d(x, indices[stage], 2, 2, output_size=sizes[stage])
            else:
                x = F.interpolate(x, size=(x.size(2) * 2, x.size(3) * 2), mode="nearest") * 0.25
            x = conv(x)
            x = torch.sigmoid(x) if stage == 0 else torch.relu(x)
        return x


class UpsamplingDecoder(nn.Module):
    """UpsampleDecoder.h (channels 64, 32, 32: 32x32) and Resize64Decoder.h (64, 32, 32, 16:
    64x64): from_code, to_features, then per stage nearest x2 + conv + ReLU, output conv + sigmoid."""

    START_SIDE = 4

    def __init__(self, code_size, channels):
        super().__init__()
        self.from_code = nn.Linear(code_size, HIDDEN_WIDTH)
        side = self.START_SIDE
        self.to_features = nn.Linear(HIDDEN_WIDTH, STAGE_CHANNELS[2] * side * side)
        previous = STAGE_CHANNELS[2]
        for stage, out_channels in enumerate(channels, start=1):
            self.add_module(f"conv{stage}", conv3x3(previous, out_channels))
            previous = out_channels
        self.stage_count = len(channels)
        self.output = conv3x3(previous, 1)

    def forward(self, code):
        side = self.START_SIDE
        x = self.to_features(self.from_code(code)).view(code.size(0), STAGE_CHANNELS[2], side, side)
        for stage in range(1, self.stage_count + 1):
            side *= 2
            x = torch.relu(getattr(self, f"conv{stage}")(F.interpolate(x, size=(side, side), mode="nearest")))
        return torch.sigmoid(self.output(x))


class Autoencoder(nn.Module):
    """core/models/Autoencoder.h: forward() through the mirror decoder passes the pooling indices;
    decode() never has them."""

    def __init__(self, decoder, code_size=CODE_SIZE, variational=False):
        super().__init__()
        self.kind = decoder
        self.image_size = 64 if decoder == "resize64" else 32
        self.encoder = Encoder(code_size, self.image_size, variational)
        if decoder == "mirror":
            self.decoder = MirrorDecoder(code_size, self.image_size)
        elif decoder == "upsample":
            self.decoder = UpsamplingDecoder(code_size, (64, 32, 32))
        elif decoder == "resize64":
            self.decoder = UpsamplingDecoder(code_size, (64, 32, 32, 16))
        else:
            raise ValueError(f"decoder must be one of {', '.join(DECODERS)}, got {decoder!r}")

    def forward(self, images):
        if self.kind == "mirror":
            code, pooling = self.encoder.forward_with_indices(images)
            return self.decoder(code, pooling)
        return self.decoder(self.encoder(images))

    def decode(self, code):
        return self.decoder(code)


class AdditionMlp(nn.Module):
    """core/models/AdditionMlp.h: [code, u] -> hidden1..hidden3 (32, 16, 16, ReLU) -> output."""

    def __init__(self, code_size=CODE_SIZE, generative=False):
        super().__init__()
        self.hidden1 = nn.Linear(code_size + 1, 32)
        self.hidden2 = nn.Linear(32, 16)
        self.hidden3 = nn.Linear(16, 16)
        self.output = nn.Linear(16, code_size)
        # Generative: the log-variance of the result code, beside output.
        self.output_log_variance = nn.Linear(16, code_size) if generative else None

    def hidden(self, code, addend):
        x = torch.cat([code, addend.reshape(-1, 1)], 1)
        for layer in (self.hidden1, self.hidden2, self.hidden3):
            x = torch.relu(layer(x))
        return x

    def forward(self, code, addend):
        return self.output(self.hidden(code, addend))

    def forward_gaussian(self, code, addend):
        """Generative: (mean, log-variance) of the result code."""
        h = self.hidden(code, addend)
        return self.output(h), self.output_log_variance(h)


def reparameterize(mean, log_variance):
    """GaussianCode.h: mean + exp(log_variance / 2) * eps, eps ~ N(0, I) (the global generator)."""
    return mean + torch.exp(0.5 * log_variance) * torch.randn_like(mean)


def kl_to_standard_normal(mean, log_variance):
    """GaussianCode.h: KL(N(mean, exp(log_variance)) || N(0, I)) per row, summed over the code."""
    return 0.5 * (mean.pow(2) + log_variance.exp() - 1.0 - log_variance).sum(1)


def gaussian_negative_log_likelihood(mean, log_variance, target):
    """GaussianCode.h: 0.5 * sum(log_variance + (target - mean)^2 / variance) per row."""
    return 0.5 * (log_variance + (target - mean).pow(2) * torch.exp(-log_variance)).sum(1)


class AdditionModel(nn.Module):
    """core/models/AdditionModel.h with the upsample decoder, of any variant (AdditionVariant.h)."""

    def __init__(self, variant="addition", code_size=CODE_SIZE):
        super().__init__()
        if variant not in ADDITION_VARIANTS:
            raise ValueError(f"variant must be one of {', '.join(ADDITION_VARIANTS)}, got {variant!r}")
        self.variational = variant != "addition"
        self.generative = variant == "vae-genp-addition"
        self.autoencoder = Autoencoder("upsample", code_size, self.variational)
        self.adder = AdditionMlp(code_size, self.generative)
        self.image_size = self.autoencoder.image_size

    def guided_loss(self, x, u, y):
        """train/AdditionLoss.cpp additionBatchLoss with the default options (recipe guided,
        weights 0.1 and 1, klWeight 1e-3), the model in training mode: AdditionModel::forward()
        with the target code held constant, then the terms."""
        if self.variational:
            code, log_variance = self.autoencoder.encoder.forward_gaussian(x)
            sampled = reparameterize(code, log_variance)
            reconstruction = self.autoencoder.decode(sampled)
        else:
            code = self.autoencoder.encoder(x)
            sampled = code
            reconstruction = self.autoencoder.decode(code)
        if self.generative:
            generated = self.autoencoder.decode(reparameterize(*self.adder.forward_gaussian(sampled, u)))
        else:
            generated = self.autoencoder.decode(self.adder(sampled, u))
        with torch.no_grad():
            target = self.autoencoder.encoder(y)
        if self.generative:  # adderCodeLoss: the NLL per code dimension
            mean, variance_log = self.adder.forward_gaussian(code.detach(), u)
            code_term = (gaussian_negative_log_likelihood(mean, variance_log, target).mean()
                         / target.size(1))
        else:
            code_term = F.mse_loss(self.adder(code.detach(), u), target)
        loss = 0.1 * F.mse_loss(reconstruction, x) + F.mse_loss(generated, y) + code_term
        if self.variational:
            loss = loss + KL_WEIGHT * kl_to_standard_normal(code, log_variance).mean()
        return loss

    def add(self, images, addends):
        return self.autoencoder.decode(self.adder(self.autoencoder.encoder(images), addends))

    def decode(self, code):
        return self.autoencoder.decode(code)


def seeded_model(decoder):
    torch.manual_seed(SEED)
    return AdditionModel(decoder) if decoder in ADDITION_VARIANTS else Autoencoder(decoder)


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())


def load_mnist_images(count, size):
    """The first `count` embedded MNIST images as float [count, 1, size, size] in [0, 1]."""
    with gzip.open(MNIST_IMAGES, "rb") as file:
        raw = file.read()
    magic, n, rows, cols = struct.unpack(">IIII", raw[:16])
    if magic != 2051:
        raise ValueError(f"{MNIST_IMAGES}: not an IDX image file (magic {magic})")
    count = min(count, n)
    pixels = torch.frombuffer(bytearray(raw[16:16 + count * rows * cols]), dtype=torch.uint8)
    images = pixels.view(count, 1, rows, cols).float() / 255.0
    return F.interpolate(images, size=(size, size), mode="bilinear", align_corners=False).contiguous()


def sample_cpu():
    """(wall time, busy CPU seconds of the machine, this process's CPU seconds)."""
    with open("/proc/stat") as stat:
        fields = [float(v) for v in stat.readline().split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    busy = (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    own = os.times()
    return time.perf_counter(), busy, own.user + own.system


def others_cpu_percent(start, end):
    """Share of the whole machine that other processes used between two samples, in %."""
    wall = end[0] - start[0]
    others = (end[1] - start[1]) - (end[2] - start[2])
    return max(0.0, 100.0 * others / (wall * os.cpu_count())) if wall > 0 else 0.0


def training_flops(model, forward):
    """The FLOPs of one training step whose forward pass is forward(): every multiply-add of the
    convolutions and linear layers, counted with forward hooks, is 2 FLOPs; a layer run with
    gradients counts 3 times (the backward pass costs about twice the forward: the gradients of
    its input and of its weights), one run under no_grad (the target code E(y)) once. Pooling,
    activations, upsampling, the losses and Adam are left out (a few percent at most)."""
    total = [0.0]

    def count(module, inputs, output):
        if isinstance(module, nn.Linear):
            macs = output.numel() * module.in_features
        elif isinstance(module, nn.Conv2d):
            macs = (output.numel() * module.in_channels // module.groups
                    * module.kernel_size[0] * module.kernel_size[1])
        else:  # ConvTranspose2d
            macs = (inputs[0].numel() * module.out_channels // module.groups
                    * module.kernel_size[0] * module.kernel_size[1])
        total[0] += 2.0 * macs * (3 if torch.is_grad_enabled() else 1)

    layers = [m for m in model.modules() if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d))]
    handles = [layer.register_forward_hook(count) for layer in layers]
    try:
        forward()
    finally:
        for handle in handles:
            handle.remove()
    return total[0]


def matmul_peak(dtype, size=4096, repeats=4):
    """GFLOP/s of the best of `repeats` size x size x size matrix products (torch.mm) in `dtype`,
    with the threads set: what this CPU's kernels reach on the easiest work there is."""
    generator = torch.Generator().manual_seed(SEED)
    a = torch.randn(size, size, generator=generator).to(dtype)
    b = torch.randn(size, size, generator=generator).to(dtype)
    torch.mm(a, b)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        torch.mm(a, b)
        best = min(best, time.perf_counter() - start)
    return 2.0 * size ** 3 / best / 1e9


def benchmark_decoder(decoder, steps, precision="fp32", layout="default"):
    """One row: `steps` timed training steps and the median answer time, as learn2add-bench."""
    with open("/proc/loadavg") as file:
        load_at_start = [float(v) for v in file.read().split()[:3]]
    cpu_start = sample_cpu()
    model = seeded_model(decoder)
    shapes = {name: list(p.shape) for name, p in model.named_parameters()}
    images = load_mnist_images(TRAINING_IMAGES, model.image_size)
    batches = images.size(0) // BATCH_SIZE  # full batches only
    if decoder in ADDITION_VARIANTS:
        inputs = torch.randperm(images.size(0), dtype=torch.int64)
        outputs = torch.randperm(images.size(0), dtype=torch.int64)
        addends = torch.randint(0, 10, (images.size(0), 1), dtype=torch.float32)

        def loss_of_batch(begin):
            x = images.index_select(0, inputs[begin:begin + BATCH_SIZE])
            y = images.index_select(0, outputs[begin:begin + BATCH_SIZE])
            return model.guided_loss(x, addends[begin:begin + BATCH_SIZE], y)

        image, addend = images[:1], torch.full((1, 1), 1.5)
        answer = lambda: model.add(image, addend)  # noqa: E731
    else:
        order = torch.randperm(images.size(0), dtype=torch.int64)

        def loss_of_batch(begin):
            x = images.index_select(0, order[begin:begin + BATCH_SIZE])
            return F.mse_loss(model(x), x)

        code = torch.randn(1, CODE_SIZE)
        answer = lambda: model.decode(code)  # noqa: E731
    if layout == "channels-last":
        # As the C++ training loop (core/models/WeightLayout.h): the convolution weights in the
        # channels-last layout while training, the default one again for the answers.
        model = model.to(memory_format=torch.channels_last)
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    model.train()
    flops_per_image = training_flops(model, lambda: loss_of_batch(0)) / BATCH_SIZE

    times = {"step": [], "forward": [], "backward": [], "optimizer": []}

    def step(index):
        t0 = time.perf_counter()
        # bf16: autocast of the forward pass and the loss, as learn2add-bench --precision bf16.
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=precision == "bf16"):
            loss = loss_of_batch((index % batches) * BATCH_SIZE)
        loss = loss.float()
        t1 = time.perf_counter()
        optimizer.zero_grad()
        loss.backward()
        t2 = time.perf_counter()
        optimizer.step()
        t3 = time.perf_counter()
        for key, value in (("step", t3 - t0), ("forward", t1 - t0), ("backward", t2 - t1),
                           ("optimizer", t3 - t2)):
            times[key].append(value * 1000.0)

    for s in range(WARMUP_STEPS):
        step(s)
    for values in times.values():
        values.clear()

    start = time.perf_counter()
    for s in range(steps):
        step(WARMUP_STEPS + s)
    total = time.perf_counter() - start

    model = model.to(memory_format=torch.contiguous_format)
    model.eval()
    with torch.no_grad():
        for _ in range(DECODE_WARMUP):
            answer()
        decode_ms = []
        for _ in range(DECODE_REPEATS):
            t0 = time.perf_counter()
            answer()
            decode_ms.append((time.perf_counter() - t0) * 1000.0)
    return {
        "decoder": decoder,
        "image_size": model.image_size,
        "parameters": parameter_count(model),
        "parameter_shapes": shapes,
        "images_per_second": steps * BATCH_SIZE / total,
        "median_step_ms": statistics.median(times["step"]),
        "median_forward_ms": statistics.median(times["forward"]),
        "median_backward_ms": statistics.median(times["backward"]),
        "median_optimizer_ms": statistics.median(times["optimizer"]),
        "decode_median_ms": statistics.median(decode_ms),
        "training_flops_per_image": flops_per_image,
        "others_cpu_percent": others_cpu_percent(cpu_start, sample_cpu()),
        "load_average_at_start": load_at_start,
    }


def print_table(results):
    print(f"{'decoder':<17} {'size':>5} {'parameters':>10} {'img/s':>9} {'step ms':>8} {'fwd ms':>8} "
          f"{'bwd ms':>8} {'opt ms':>8} {'decode ms':>10} {'others%':>8}")
    for r in results:
        print(f"{r['decoder']:<17} {r['image_size']:>5} {r['parameters']:>10} "
              f"{r['images_per_second']:>9.1f} {r['median_step_ms']:>8.2f} "
              f"{r['median_forward_ms']:>8.2f} {r['median_backward_ms']:>8.2f} "
              f"{r['median_optimizer_ms']:>8.2f} {r['decode_median_ms']:>10.3f} "
              f"{r['others_cpu_percent']:>8.1f}")


def check_against(folder, rows=ROWS):
    """Loads each C++ reference into the twin; True when every output matches."""
    all_match = True
    for decoder in rows:
        reference = torch.load(folder / f"{decoder}.pt")
        model = seeded_model(decoder)
        state = {key[len("param:"):]: value for key, value in reference.items()
                 if key.startswith("param:")}
        cpp_count = sum(v.numel() for v in state.values())
        model.load_state_dict(state, strict=True)  # same names and shapes, or it raises
        with torch.no_grad():
            addition = decoder in ADDITION_VARIANTS
            model.eval()
            forward = (model.add(reference["input"], reference["addend"]) if addition
                       else model(reference["input"]))
            forward_error = (forward - reference["forward"]).abs().max().item()
            decode_error = (model.decode(reference["code"]) - reference["decode"]).abs().max().item()
            loss_text, loss_error = "", 0.0
            if addition and "loss" in reference:
                model.train()
                torch.manual_seed(LOSS_SEED)
                loss = model.guided_loss(reference["input"], reference["addend"],
                                         reference["expected"])
                loss_error = abs(loss.item() - reference["loss"].item())
                loss_text = f", training loss {loss_error:.2e}"
        match = (cpp_count == parameter_count(model)
                 and max(forward_error, decode_error, loss_error) < 1e-5)
        all_match = all_match and match
        print(f"{decoder:<17} parameters C++ {cpp_count}, Python {parameter_count(model)}; "
              f"max |difference| forward {forward_error:.2e}, decode {decode_error:.2e}"
              f"{loss_text}: {'same function' if match else 'MISMATCH'}")
    return all_match


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", type=int, default=40,
                        help="timed training steps per decoder, after 5 warm-up steps")
    parser.add_argument("--threads", type=int, default=2, help="torch.set_num_threads")
    parser.add_argument("--json", type=pathlib.Path, help="also write the results as JSON")
    parser.add_argument("--check-against", type=pathlib.Path, metavar="DIR",
                        help="compare the twin with learn2add-bench --export-reference DIR and exit")
    parser.add_argument("--precision", choices=("fp32", "bf16"), default="fp32",
                        help="bf16: torch.autocast('cpu', dtype=torch.bfloat16) around the forward "
                             "pass and the loss")
    parser.add_argument("--layout", choices=("default", "channels-last"), default="default",
                        help="the convolution weights' layout while training: default (NCHW, as "
                             "PyTorch code usually leaves it) or channels-last (as the C++ "
                             "trainers, learn2add-bench's default)")
    parser.add_argument("--peak", action="store_true",
                        help="measure the fp32 and bf16 peak of 4096^3 matrix products instead "
                             "(printed as JSON, or written with --json)")
    parser.add_argument("--only", metavar="NAMES",
                        help=f"comma-separated rows to run (default: all of {', '.join(ROWS)})")
    args = parser.parse_args()
    rows = tuple(args.only.split(",")) if args.only else ROWS
    unknown = [name for name in rows if name not in ROWS]
    if unknown:
        parser.error(f"--only: no row named {', '.join(unknown)}; rows: {', '.join(ROWS)}")
    if args.steps < 1 or args.threads < 1:
        parser.error("--steps and --threads need a whole number of at least 1")
    torch.set_num_threads(args.threads)
    if args.check_against:
        return 0 if check_against(args.check_against, rows) else 1
    if args.peak:
        peak = {"threads": torch.get_num_threads(),
                "fp32_gflops": matmul_peak(torch.float32),
                "bf16_gflops": matmul_peak(torch.bfloat16)}
        text = json.dumps(peak, indent=2) + "\n"
        if args.json:
            args.json.write_text(text)
        else:
            print(text, end="")
        return 0

    blas_threads = os.environ.get("OPENBLAS_NUM_THREADS")
    if blas_threads != "1":
        print(f"warning: OPENBLAS_NUM_THREADS is {blas_threads!r}, not '1': OpenBLAS keeps its own "
              "thread pool, unlike learn2add-bench", file=sys.stderr)
    print(f"Python (PyTorch {torch.__version__}, {args.precision}, {args.layout} layout): "
          f"{torch.get_num_threads()} intra-op threads, "
          f"OPENBLAS_NUM_THREADS={blas_threads}; batch {BATCH_SIZE}, {args.steps} timed steps after "
          f"{WARMUP_STEPS} warm-up steps, {TRAINING_IMAGES} training images")
    results = [benchmark_decoder(decoder, args.steps, args.precision, args.layout)
               for decoder in ROWS if decoder in rows]
    print_table(results)
    if args.json:
        report = {
            "side": "Python",
            "torch_version": torch.__version__,
            "threads_requested": args.threads,
            "precision": args.precision,
            "layout": args.layout,
            "intra_op_threads": torch.get_num_threads(),
            "blas": f"OPENBLAS_NUM_THREADS={blas_threads}",
            "batch_size": BATCH_SIZE,
            "code_size": CODE_SIZE,
            "learning_rate": LEARNING_RATE,
            "warmup_steps": WARMUP_STEPS,
            "steps": args.steps,
            "training_images": TRAINING_IMAGES,
            "decode_repeats": DECODE_REPEATS,
            "results": results,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
