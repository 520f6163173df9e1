<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AttachedTextCards</name>
    <message>
        <source>Pasted text</source>
        <translation>Texto colado</translation>
    </message>
    <message>
        <source>%1 lines · %2 characters</source>
        <translation>%1 linhas · %2 caracteres</translation>
    </message>
    <message>
        <source>Leave this text out of the message</source>
        <translation>Deixar este texto fora da mensagem</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>Pensar antes de responder</translation>
    </message>
    <message>
        <source>Models whose template reads enable_thinking answer directly when this is off.</source>
        <translation>Modelos cujo template lê enable_thinking respondem diretamente quando isto está desativado.</translation>
    </message>
    <message>
        <source>Reasoning budget</source>
        <translation>Orçamento de raciocínio</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>ilimitado</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>Reasoning budget in tokens</source>
        <translation>Orçamento de raciocínio em tokens</translation>
    </message>
    <message>
        <source>Message (Enter to send, Shift+Enter for a new line)</source>
        <translation>Mensagem (Enter para enviar, Shift+Enter para nova linha)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Enviar mensagem</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Stop generating</source>
        <translation>Parar a geração</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt do sistema</translation>
    </message>
    <message>
        <source>System prompt ✓</source>
        <translation>Prompt do sistema ✓</translation>
    </message>
    <message>
        <source>Edit this chat&apos;s system prompt</source>
        <translation>Editar o prompt do sistema desta conversa</translation>
    </message>
    <message>
        <source>Instructions the model follows in this chat. New chats start with the default from the settings.</source>
        <translation>Instruções que o modelo segue nesta conversa. Novas conversas começam com o padrão das configurações.</translation>
    </message>
    <message>
        <source>Instructions for the model in this chat (empty: none)</source>
        <translation>Instruções para o modelo nesta conversa (vazio: nenhuma)</translation>
    </message>
    <message>
        <source>System prompt of this chat</source>
        <translation>Prompt do sistema desta conversa</translation>
    </message>
    <message>
        <source>Stop when the context is full</source>
        <translation>Parar quando o contexto estiver cheio</translation>
    </message>
    <message>
        <source>Off: when the chat outgrows the model&apos;s context, its oldest messages are left out of the model&apos;s view and the chat goes on.</source>
        <translation>Desligado: quando a conversa ultrapassa o contexto do modelo, as mensagens mais antigas ficam fora da visão do modelo e a conversa continua.</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>Esforço de raciocínio</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baixo</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Médio</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>How long the model reasons before it answers.</source>
        <translation>Quanto tempo o modelo raciocina antes de responder.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copiar código</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>The model file is not there any more. It may have been moved or deleted.</source>
        <translation>O arquivo do modelo não está mais lá. Ele pode ter sido movido ou excluído.</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it exists and that you may read it.</source>
        <translation>Não foi possível ler o arquivo. Verifique se ele existe e se você tem permissão para lê-lo.</translation>
    </message>
    <message>
        <source>This is not a usable GGUF model file: it is damaged or incomplete.</source>
        <translation>Este não é um arquivo de modelo GGUF utilizável: ele está danificado ou incompleto.</translation>
    </message>
    <message>
        <source>Sikao cannot run this kind of model (its architecture is not supported).</source>
        <translation>O Sikao não consegue executar este tipo de modelo (a arquitetura dele não é suportada).</translation>
    </message>
    <message>
        <source>Sikao cannot run this model&apos;s quantisation type.</source>
        <translation>O Sikao não consegue executar o tipo de quantização deste modelo.</translation>
    </message>
    <message>
        <source>Sikao cannot run this model: it uses something not supported yet.</source>
        <translation>O Sikao não consegue executar este modelo: ele usa algo que ainda não é suportado.</translation>
    </message>
    <message>
        <source>No usable graphics device was found. Install a Vulkan driver for your GPU.</source>
        <translation>Nenhum dispositivo gráfico utilizável foi encontrado. Instale um driver Vulkan para a sua GPU.</translation>
    </message>
    <message>
        <source>The graphics device stopped responding. Load the model again.</source>
        <translation>O dispositivo gráfico parou de responder. Carregue o modelo novamente.</translation>
    </message>
    <message>
        <source>There is not enough memory for this model. Try a smaller model or a shorter context.</source>
        <translation>Não há memória suficiente para este modelo. Tente um modelo menor ou um contexto mais curto.</translation>
    </message>
    <message>
        <source>The graphics device reported an error.</source>
        <translation>O dispositivo gráfico relatou um erro.</translation>
    </message>
    <message>
        <source>The engine could not do what was asked.</source>
        <translation>O mecanismo não conseguiu fazer o que foi pedido.</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>O carregamento foi cancelado.</translation>
    </message>
    <message>
        <source>The chat history could not be written.</source>
        <translation>Não foi possível gravar o histórico de conversas.</translation>
    </message>
    <message>
        <source>The disk is full: the chat history could not be saved.</source>
        <translation>O disco está cheio: não foi possível salvar o histórico de conversas.</translation>
    </message>
    <message>
        <source>Another program is using the chat history. Try again in a moment.</source>
        <translation>Outro programa está usando o histórico de conversas. Tente novamente em instantes.</translation>
    </message>
    <message>
        <source>The chat history database is damaged.</source>
        <translation>O banco de dados do histórico de conversas está danificado.</translation>
    </message>
    <message>
        <source>The chat history was written by a newer version of Sikao.</source>
        <translation>O histórico de conversas foi gravado por uma versão mais nova do Sikao.</translation>
    </message>
    <message>
        <source>This file is not a chat exported by Sikao.</source>
        <translation>Este arquivo não é uma conversa exportada pelo Sikao.</translation>
    </message>
    <message>
        <source>That chat or message no longer exists.</source>
        <translation>Essa conversa ou mensagem não existe mais.</translation>
    </message>
    <message>
        <source>Something went wrong inside Sikao.</source>
        <translation>Algo deu errado dentro do Sikao.</translation>
    </message>
</context>
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
        <source>On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral and gpt-oss model families.</source>
        <translation>Em qualquer computador com navegador, baixe o arquivo GGUF de um modelo de raciocínio pequeno, por exemplo Qwen3-1.7B ou DeepSeek-R1-Distill-Qwen-1.5B. A versão Q4_K_M (cerca de 1 a 2 GB) é um bom começo. O Sikao executa as famílias de modelos Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral e gpt-oss.</translation>
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
    <name>FoundModelsOffer</name>
    <message>
        <source>You already have models Sikao can run</source>
        <translation>Você já tem modelos que o Sikao pode executar</translation>
    </message>
    <message>
        <source>Other apps keep these on this computer. Sikao only reads them; they stay where they are.</source>
        <translation>Outros aplicativos os guardam neste computador. O Sikao apenas os lê; eles ficam onde estão.</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>De %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Carregar</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Carregar %1</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Reasoning inspector</source>
        <translation>Inspetor de raciocínio</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>Copiar o raciocínio</translation>
    </message>
    <message>
        <source>Close the inspector</source>
        <translation>Fechar o inspetor</translation>
    </message>
    <message>
        <source>Find in reasoning</source>
        <translation>Localizar no raciocínio</translation>
    </message>
    <message>
        <source>Reasoning steps</source>
        <translation>Etapas do raciocínio</translation>
    </message>
    <message>
        <source>Step %1 · %2 tokens · mean confidence %3%</source>
        <translation>Etapa %1 · %2 tokens · confiança média %3%</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Etapa %1</translation>
    </message>
    <message>
        <source>“%1”: %2%</source>
        <translation>“%1”: %2%</translation>
    </message>
    <message>
        <source>No token probabilities were stored for this answer.</source>
        <translation>Nenhuma probabilidade de token foi salva para esta resposta.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Sikao</source>
        <translation>Sikao</translation>
    </message>
    <message>
        <source>%1 — Sikao</source>
        <translation>%1 — Sikao</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Back to chat</source>
        <translation>Voltar ao chat</translation>
    </message>
    <message>
        <source>Back to chat (Esc)</source>
        <translation>Voltar ao chat (Esc)</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Você</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistente</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Interrompido</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erro: %1</translation>
    </message>
    <message>
        <source>Edited message</source>
        <translation>Mensagem editada</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Versão anterior</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Próxima versão</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Copiar mensagem</translation>
    </message>
    <message>
        <source>Regenerate answer</source>
        <translation>Gerar a resposta novamente</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>Editar e reenviar</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tokens/s</source>
        <translation>%1 tokens · %2 tokens/s</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Mostrar menos</translation>
    </message>
    <message>
        <source>Show all (%1 characters)</source>
        <translation>Mostrar tudo (%1 caracteres)</translation>
    </message>
    <message>
        <source>Outside the model&apos;s view</source>
        <translation>Fora da visão do modelo</translation>
    </message>
    <message>
        <source>The context is full: the answer ends here.</source>
        <translation>O contexto está cheio: a resposta termina aqui.</translation>
    </message>
    <message>
        <source>Continue in a new chat with a summary</source>
        <translation>Continuar em um novo chat com um resumo</translation>
    </message>
    <message>
        <source>Rest of the message</source>
        <translation>Restante da mensagem</translation>
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
    <message>
        <source>Weights: %1 on the device, %2 in system memory</source>
        <translation>Pesos: %1 no dispositivo, %2 na memória do sistema</translation>
    </message>
    <message>
        <source>Weights: %1 on the device</source>
        <translation>Pesos: %1 no dispositivo</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>Encontrados neste computador</translation>
    </message>
    <message>
        <source>Looking in the folders of LM Studio, Ollama, Jan, GPT4All, llama.cpp and Hugging Face…</source>
        <translation>Procurando nas pastas do LM Studio, Ollama, Jan, GPT4All, llama.cpp e Hugging Face…</translation>
    </message>
    <message>
        <source>No models from LM Studio, Ollama, Jan, GPT4All, llama.cpp or Hugging Face were found.</source>
        <translation>Nenhum modelo do LM Studio, Ollama, Jan, GPT4All, llama.cpp ou Hugging Face foi encontrado.</translation>
    </message>
    <message>
        <source>The search stopped at its limit; there may be more.</source>
        <translation>A busca parou no limite; pode haver mais.</translation>
    </message>
    <message>
        <source>Sikao only reads these files; they stay where they are.</source>
        <translation>O Sikao apenas lê esses arquivos; eles ficam onde estão.</translation>
    </message>
    <message>
        <source>%1 (cannot run: %2)</source>
        <translation>%1 (não pode ser executado: %2)</translation>
    </message>
    <message>
        <source>From %1 · %2 · %3 · %4</source>
        <translation>De %1 · %2 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>ReasoningBlock</name>
    <message>
        <source>Thought for %1 s · %2 tokens</source>
        <translation>Pensou por %1 s · %2 tokens</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Inspecionar</translation>
    </message>
    <message>
        <source>Open the reasoning inspector</source>
        <translation>Abrir o inspetor de raciocínio</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>Copiar o raciocínio</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Raciocínio</translation>
    </message>
    <message>
        <source>Thinking… %1 s · %2 tokens</source>
        <translation>Pensando… %1 s · %2 tokens</translation>
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
    <message>
        <source>Device memory budget (MB)</source>
        <translation>Orçamento de memória do dispositivo (MB)</translation>
    </message>
    <message>
        <source>0: automatic (90% of a graphics card&apos;s own memory). A mixture-of-experts model beyond it keeps experts in system memory. Applies when a model is loaded.</source>
        <translation>0: automático (90% da memória própria de uma placa de vídeo). Um modelo de mistura de especialistas que o ultrapasse mantém especialistas na memória do sistema. Vale ao carregar um modelo.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New chat</source>
        <translation>Novo chat</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>Iniciar um novo chat (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>Pesquisar em todos os chats</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados da pesquisa</translation>
    </message>
    <message>
        <source>Reasoning: </source>
        <translation>Raciocínio: </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Nenhum resultado</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversas</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Fixadas</translation>
    </message>
    <message>
        <source>New title</source>
        <translation>Novo título</translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>Ações da conversa</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renomear</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Desafixar</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Fixar</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Exportar como Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Exportar como JSON…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>“%1” excluída</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Desfazer</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Desfazer exclusão</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>Exportar chat</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>Gerenciar modelos</translation>
    </message>
    <message>
        <source>Choose, open and load models</source>
        <translation>Escolher, abrir e carregar modelos</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Sampling, system prompt, appearance, language and device (Ctrl+,)</source>
        <translation>Amostragem, prompt do sistema, aparência, idioma e dispositivo (Ctrl+,)</translation>
    </message>
    <message>
        <source>Hide the conversations (Ctrl+B)</source>
        <translation>Ocultar as conversas (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>SidebarRail</name>
    <message>
        <source>Show the conversations (Ctrl+B)</source>
        <translation>Mostrar as conversas (Ctrl+B)</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Novo chat</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>Pesquisar em todos os chats</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
</context>
<context>
    <name>StartupPanel</name>
    <message>
        <source>Start a chat</source>
        <translation>Começar uma conversa</translation>
    </message>
    <message>
        <source>Model: %1 on %2, context %3 tokens.</source>
        <translation>Modelo: %1 em %2, contexto de %3 tokens.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Carregando %1…</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>Nenhum modelo carregado.</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>Progresso do carregamento do modelo</translation>
    </message>
    <message>
        <source>Type a message below. A reasoning model shows its thinking above the answer; open it to inspect every step and how sure the model was of each token.</source>
        <translation>Digite uma mensagem abaixo. Um modelo de raciocínio mostra seu raciocínio acima da resposta; abra-o para examinar cada passo e a confiança do modelo em cada token.</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>Modelos…</translation>
    </message>
    <message>
        <source>Manage models</source>
        <translation>Gerenciar modelos</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Configurações…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>This is Sikao&apos;s tiny demo model: it only does simple arithmetic and comparisons. For a real assistant, load a model of your own from Models.</source>
        <translation>Este é o pequeno modelo de demonstração do Sikao: ele só faz aritmética simples e comparações. Para um assistente de verdade, carregue um modelo seu em Modelos.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No model</source>
        <translation>Nenhum modelo</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modelo: %1</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Carregando modelo…</translation>
    </message>
    <message>
        <source>Model loading progress</source>
        <translation>Progresso do carregamento do modelo</translation>
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
        <source>Device: %1</source>
        <translation>Dispositivo: %1</translation>
    </message>
    <message>
        <source>Context %1 / %2</source>
        <translation>Contexto %1 / %2</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 tokens/s</translation>
    </message>
    <message>
        <source>Generating… (Esc to stop)</source>
        <translation>Gerando… (Esc para parar)</translation>
    </message>
    <message>
        <source>Built-in chat format</source>
        <translation>Formato de chat embutido</translation>
    </message>
    <message>
        <source>The model&apos;s chat template could not be used, so the built-in format was used instead: %1</source>
        <translation>Não foi possível usar o modelo de chat do modelo, então o formato embutido foi usado: %1</translation>
    </message>
    <message>
        <source>History read-only</source>
        <translation>Histórico somente leitura</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>O histórico é somente leitura: novas mensagens não podem ser salvas.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The history database was damaged (%1). It was kept as %2 and a new one started.</source>
        <translation>O banco de dados do histórico estava danificado (%1). Ele foi mantido como %2 e um novo foi criado.</translation>
    </message>
    <message>
        <source>The history cannot be opened (%1). This session&apos;s chats are kept in %2 only.</source>
        <translation>Não é possível abrir o histórico (%1). Os chats desta sessão ficam salvos apenas em %2.</translation>
    </message>
    <message>
        <source>The history at %1 cannot be written (read-only). Past chats are shown; new messages are not saved.</source>
        <translation>O histórico em %1 não pode ser gravado (somente leitura). Os chats anteriores são exibidos; novas mensagens não são salvas.</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ChatController</name>
    <message>
        <source>New chat</source>
        <translation>Novo chat</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>O modelo ainda está carregando.</translation>
    </message>
    <message>
        <source>No model is loaded. Open a GGUF model to start chatting.</source>
        <translation>Nenhum modelo carregado. Abra um modelo GGUF para começar a conversar.</translation>
    </message>
    <message>
        <source>Wait for the answer or stop it.</source>
        <translation>Aguarde a resposta ou interrompa-a.</translation>
    </message>
    <message>
        <source>The history is read-only: new messages cannot be saved.</source>
        <translation>O histórico é somente leitura: novas mensagens não podem ser salvas.</translation>
    </message>
    <message>
        <source>1 earlier message is outside the model&apos;s view</source>
        <translation>1 mensagem anterior está fora da visão do modelo</translation>
    </message>
    <message>
        <source>%1 earlier messages are outside the model&apos;s view</source>
        <translation>%1 mensagens anteriores estão fora da visão do modelo</translation>
    </message>
    <message>
        <source>This chat no longer fits the model&apos;s context (%1 tokens). Start a new chat, or turn off “Stop when the context is full” to leave the oldest messages out of the model&apos;s view.</source>
        <translation>Esta conversa não cabe mais no contexto do modelo (%1 tokens). Comece uma nova conversa ou desligue “Parar quando o contexto estiver cheio” para deixar as mensagens mais antigas fora da visão do modelo.</translation>
    </message>
    <message>
        <source>(1 earlier message left out)</source>
        <translation>(1 mensagem anterior omitida)</translation>
    </message>
    <message>
        <source>(%1 earlier messages left out)</source>
        <translation>(%1 mensagens anteriores omitidas)</translation>
    </message>
    <message>
        <source>Summarise our earlier conversation so that we can continue it. Write only the summary: what it was about, what was found or decided, and what is still open. The conversation:

%1</source>
        <translation>Resuma nossa conversa anterior para que possamos continuá-la. Escreva apenas o resumo: do que se tratava, o que foi descoberto ou decidido e o que ainda está em aberto. A conversa:

%1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (continuação)</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ConversationListModel</name>
    <message>
        <source>Pinned</source>
        <translation>Fixadas</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ontem</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>Últimos 7 dias</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Mais antigas</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Novo chat</translation>
    </message>
    <message>
        <source>Unknown export format &quot;%1&quot; (use md or json)</source>
        <translation>Formato de exportação desconhecido “%1” (use md ou json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Não é possível gravar %1: %2</translation>
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
    <name>sikao::ui::FoundModelList</name>
    <message>
        <source>Sikao cannot run the %1 architecture yet</source>
        <translation>O Sikao ainda não consegue executar a arquitetura %1</translation>
    </message>
    <message>
        <source>Sikao cannot run tensor type %1 yet</source>
        <translation>O Sikao ainda não consegue executar o tipo de tensor %1</translation>
    </message>
    <message>
        <source>Not a model Sikao can read</source>
        <translation>Não é um modelo que o Sikao consiga ler</translation>
    </message>
</context>
</TS>
