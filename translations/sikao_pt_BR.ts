<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Sikao</source>
        <translation>Bem-vindo ao Sikao</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>Abrir arquivo GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modelos GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Sikao runs a language model on your own computer; nothing you type leaves it. A model is one file in the GGUF format, and you have none yet.</source>
        <translation>O Sikao executa um modelo de linguagem no seu próprio computador; nada do que você digita sai dele. Um modelo é um arquivo no formato GGUF, e você ainda não tem nenhum.</translation>
    </message>
    <message>
        <source>1. Get a model</source>
        <translation>1. Obtenha um modelo</translation>
    </message>
    <message>
        <source>On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen2 and Qwen3 model families.</source>
        <translation>Em qualquer computador com navegador, baixe o arquivo GGUF de um modelo de raciocínio pequeno, por exemplo Qwen3-1.7B ou DeepSeek-R1-Distill-Qwen-1.5B. A versão Q4_K_M (cerca de 1 a 2 GB) é um bom começo. O Sikao executa as famílias de modelos Llama, Qwen2 e Qwen3.</translation>
    </message>
    <message>
        <source>2. Put it in the models folder</source>
        <translation>2. Coloque-o na pasta de modelos</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>Pasta de modelos</translation>
    </message>
    <message>
        <source>Open the models folder</source>
        <translation>Abrir a pasta de modelos</translation>
    </message>
    <message>
        <source>I put it there: look again</source>
        <translation>Pronto: procurar de novo</translation>
    </message>
    <message>
        <source>Or open a GGUF file from anywhere:</source>
        <translation>Ou abra um arquivo GGUF de qualquer lugar:</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>Abrir arquivo GGUF…</translation>
    </message>
    <message>
        <source>Just looking? Try the demo model</source>
        <translation>Só dando uma olhada? Experimente o modelo de demonstração</translation>
    </message>
    <message>
        <source>A tiny demonstration model (about one million parameters) comes with Sikao. It only does simple arithmetic and comparisons, but it shows its reasoning the way real reasoning models do. It is not a general assistant.</source>
        <translation>O Sikao vem com um modelo de demonstração minúsculo (cerca de um milhão de parâmetros). Ele só faz aritmética simples e comparações, mas mostra seu raciocínio como os modelos de raciocínio de verdade. Não é um assistente geral.</translation>
    </message>
    <message>
        <source>Load the demo model</source>
        <translation>Carregar o modelo de demonstração</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Sikao</source>
        <translation>Sikao</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>No model found. Put a .gguf file in %1 or pass one on the command line.</source>
        <translation>Nenhum modelo encontrado. Coloque um arquivo .gguf em %1 ou informe um na linha de comando.</translation>
    </message>
    <message>
        <source>Model that would be loaded</source>
        <translation>Modelo que seria carregado</translation>
    </message>
    <message>
        <source>Vulkan devices</source>
        <translation>Dispositivos Vulkan</translation>
    </message>
    <message>
        <source>%1 · %2 · Vulkan %3 · %4 device memory · subgroup %5%6%7</source>
        <translation>%1 · %2 · Vulkan %3 · %4 de memória do dispositivo · subgrupo %5%6%7</translation>
    </message>
    <message>
        <source> · fp16</source>
        <translation> · fp16</translation>
    </message>
    <message>
        <source> · int8</source>
        <translation> · int8</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
</context>
<context>
    <name>ModelManagerPage</name>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>Abrir arquivo GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modelos GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Add a models folder</source>
        <translation>Adicionar uma pasta de modelos</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>Abrir arquivo GGUF…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Adicionar pasta…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Refresh the list of models</source>
        <translation>Atualizar a lista de modelos</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Carregando %1…</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>Carregado: %1</translation>
    </message>
    <message>
        <source>The model could not be loaded</source>
        <translation>Não foi possível carregar o modelo</translation>
    </message>
    <message>
        <source>Device: %1 · context %2 tokens</source>
        <translation>Dispositivo: %1 · contexto de %2 tokens</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>Progresso do carregamento</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>Cancelar o carregamento do modelo</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensagem de erro</translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation>Pasta de modelos: %1</translation>
    </message>
    <message>
        <source>Also looking in: %1</source>
        <translation>Também procurando em: %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Stop looking in %1</source>
        <translation>Parar de procurar em %1</translation>
    </message>
    <message>
        <source>Reading the model files</source>
        <translation>Lendo os arquivos de modelo</translation>
    </message>
    <message>
        <source>No models yet. Put a .gguf file in the models folder or open one.</source>
        <translation>Ainda não há modelos. Coloque um arquivo .gguf na pasta de modelos ou abra um.</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>raciocínio</translation>
    </message>
    <message>
        <source>tiny demo</source>
        <translation>demo minúscula</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>carregado</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters · context %4 · %5</source>
        <translation>%1 · %2 · %3 parâmetros · contexto %4 · %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Carregar</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Carregar %1</translation>
    </message>
    <message>
        <source>Remove %1 from the list</source>
        <translation>Remover %1 da lista</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Amostragem</translation>
    </message>
    <message>
        <source>Temperature (0: always the most likely token)</source>
        <translation>Temperatura (0: sempre o token mais provável)</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>0: off</source>
        <translation>0: desligado</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>Penalidade de repetição</translation>
    </message>
    <message>
        <source>New random seed for every answer</source>
        <translation>Nova semente aleatória a cada resposta</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semente</translation>
    </message>
    <message>
        <source>Maximum answer length (tokens)</source>
        <translation>Tamanho máximo da resposta (tokens)</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>Tamanho do contexto (tokens)</translation>
    </message>
    <message>
        <source>0: the model&apos;s own. Applies when a model is loaded.</source>
        <translation>0: o do modelo. Vale ao carregar um modelo.</translation>
    </message>
    <message>
        <source>Restore the default sampling settings</source>
        <translation>Restaurar as configurações de amostragem padrão</translation>
    </message>
    <message>
        <source>Default system prompt</source>
        <translation>Prompt de sistema padrão</translation>
    </message>
    <message>
        <source>Sent at the start of every new chat. Leave it empty to use none.</source>
        <translation>Enviado no início de cada novo chat. Deixe vazio para não usar nenhum.</translation>
    </message>
    <message>
        <source>You are a helpful assistant.</source>
        <translation>Você é um assistente prestativo.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Aparência</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Igual ao sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Tamanho da fonte</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>The graphics device that runs the model. A change applies the next time a model is loaded.</source>
        <translation>O dispositivo gráfico que executa o modelo. A mudança vale na próxima vez que um modelo for carregado.</translation>
    </message>
    <message>
        <source>Automatic (the fastest device)</source>
        <translation>Automático (o dispositivo mais rápido)</translation>
    </message>
    <message>
        <source>%1 — %2, %3 memory</source>
        <translation>%1 — %2, %3 de memória</translation>
    </message>
    <message>
        <source>Looking for devices</source>
        <translation>Procurando dispositivos</translation>
    </message>
</context>
<context>
    <name>sikao::ui::DeviceListModel</name>
    <message>
        <source>discrete GPU</source>
        <translation>GPU dedicada</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>GPU integrada</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>GPU virtual</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>other</source>
        <translation>outro</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ModelManager</name>
    <message>
        <source>%1: the file does not exist</source>
        <translation>%1: o arquivo não existe</translation>
    </message>
</context>
<context>
    <name>sikao::ui::StartupModel</name>
    <message>
        <source>Reading %1…</source>
        <translation>Lendo %1…</translation>
    </message>
    <message>
        <source>%1 (%2) — %3 tensors, %4, context %5 tokens
%6</source>
        <translation>%1 (%2) — %3 tensores, %4, contexto de %5 tokens
%6</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
</context>
</TS>
