// The distrogen spec language (.dl): one small declarative description of a containerized app.
//
// No actions and no semantic predicates: the parse tree is turned into the model by
// dev.distrogen.parse.ModelBuilder, and every value is checked in dev.distrogen.check.
// Statements are found by their leading keyword, so line breaks carry no meaning; by
// convention each statement stands on its own line.
grammar Distrogen;

spec : statement* EOF ;

statement
    : imageStmt
    | descriptionStmt
    | labelStmt
    | appStmt
    | userStmt
    | dirsStmt
    | dirStmt
    | configStmt
    | portStmt
    | dockerStmt
    | nixStmt
    | sbomStmt
    | platformsStmt
    | healthStmt
    | resourcesStmt
    | k8sStmt
    ;

// image "NAME" [tag "TAG"] [digest "sha256:..."]
imageStmt       : IMAGE STRING (TAG STRING)? (DIGEST STRING)? ;
// description "TEXT"
descriptionStmt : DESCRIPTION STRING ;
// label "KEY" = "VALUE"
labelStmt       : LABEL STRING '=' STRING ;

// app "NAME" { ... }
appStmt : APP STRING '{' appSetting* '}' ;
appSetting
    : BINARY STRING             # binarySetting
    | ARGS STRING*              # argsSetting
    | LIBS STRING+              # libsSetting
    | FILES STRING+             # filesSetting
    | ENV word '=' STRING       # envSetting
    | STOP STRING               # stopSetting
    | WORKDIR STRING            # workdirSetting
    | INIT STRING               # initSetting
    | SMOKE STRING*             # smokeSetting
    ;

// user "NAME" uid N gid N [group "NAME"] [home "PATH"] [shell "PATH"]
userStmt : USER STRING userOption* ;
userOption
    : UID NUMBER                # uidOption
    | GID NUMBER                # gidOption
    | GROUP STRING              # groupOption
    | HOME STRING               # homeOption
    | SHELL STRING              # shellOption
    ;

// dirs { "PATH" [owner "USER"] [mode OCTAL] [persistent] [size "QUANTITY"] ... }   and   dir "PATH" [...]
dirsStmt : DIRS '{' dirEntry* '}' ;
dirStmt  : DIR dirEntry ;
dirEntry : STRING dirOption* ;
dirOption
    : fileOption
    | PERSISTENT
    | SIZE STRING
    ;
fileOption
    : OWNER STRING              # ownerOption
    | MODE NUMBER               # modeOption
    ;

// config "PATH" from "FILE" | text """...""" | text "..."   [mode OCTAL] [owner "USER"]
configStmt : CONFIG STRING configSource fileOption* ;
configSource
    : FROM STRING               # fromSource
    | TEXT (TEXT_BLOCK | STRING) # textSource
    ;

// port N[/tcp|/udp]
portStmt : PORT NUMBER ('/' word)? ;

// docker { from "IMAGE"  base scratch|distroless-...|"IMAGE"  builder image|nix  packages "NAME"...
//          probe on|off|trace }
dockerStmt : DOCKER '{' dockerSetting* '}' ;
dockerSetting
    : FROM STRING               # dockerFromSetting
    | BASE (word | STRING)      # dockerBaseSetting
    | BUILDER word              # dockerBuilderSetting
    | PACKAGES STRING+          # dockerPackagesSetting
    | PROBE word                # dockerProbeSetting
    ;

// nix { package "ATTR"  binary "PATH-IN-PACKAGE"  function buildImage|...  without "PATH"... }
nixStmt : NIX '{' nixSetting* '}' ;
nixSetting
    : PACKAGE STRING            # nixPackageSetting
    | BINARY STRING             # nixBinarySetting
    | FUNCTION word             # nixFunctionSetting
    | NIXPKGS STRING            # nixpkgsSetting
    | SHA256 STRING             # nixSha256Setting
    | WITHOUT STRING+           # nixWithoutSetting
    ;

// health http "PATH" port N  |  health tcp N  |  health none
healthStmt : HEALTH healthCheck ;
healthCheck
    : HTTP STRING PORT NUMBER   # httpHealth
    | TCP NUMBER                # tcpHealth
    | NONE                      # noHealth
    ;

// resources { cpu "250m"  memory "128Mi"  limit cpu "1"  limit memory "256Mi" }
resourcesStmt : RESOURCES '{' resourceSetting* '}' ;
resourceSetting
    : LIMIT? CPU STRING         # cpuSetting
    | LIMIT? MEMORY STRING      # memorySetting
    ;

// k8s { replicas N  namespace "NAME"  imagePullPolicy IfNotPresent|Always|Never }
k8sStmt : K8S '{' k8sSetting* '}' ;
k8sSetting
    : REPLICAS NUMBER           # replicasSetting
    | NAMESPACE STRING          # namespaceSetting
    | IMAGEPULLPOLICY word      # pullPolicySetting
    ;

// sbom on|off: package metadata for vulnerability scanners in the image (on by default)
sbomStmt : SBOM word ;

// platforms "OS/ARCH[/VARIANT]"...: the platforms the image is built for (the builder's own by default)
platformsStmt : PLATFORMS STRING+ ;

// A bare word: any identifier, keywords included (env names, `base scratch`, `builder nix`).
word : IDENT | keyword ;
keyword
    : IMAGE | TAG | DESCRIPTION | LABEL | APP | BINARY | ARGS | LIBS | FILES | ENV | STOP | WORKDIR
    | USER | UID | GID | GROUP | HOME | SHELL | DIRS | DIR | OWNER | MODE | CONFIG | FROM | TEXT
    | PORT | DOCKER | BASE | BUILDER | NIX | PACKAGE | FUNCTION | SBOM | INIT | SMOKE | PACKAGES
    | DIGEST | PERSISTENT | NIXPKGS | SHA256 | HEALTH | HTTP | TCP | NONE | RESOURCES | CPU | MEMORY
    | LIMIT | K8S | REPLICAS | NAMESPACE | IMAGEPULLPOLICY | SIZE | WITHOUT | PLATFORMS | PROBE
    ;

IMAGE       : 'image' ;
TAG         : 'tag' ;
DESCRIPTION : 'description' ;
LABEL       : 'label' ;
APP         : 'app' ;
BINARY      : 'binary' ;
ARGS        : 'args' ;
LIBS        : 'libs' ;
FILES       : 'files' ;
ENV         : 'env' ;
STOP        : 'stop' ;
WORKDIR     : 'workdir' ;
USER        : 'user' ;
UID         : 'uid' ;
GID         : 'gid' ;
GROUP       : 'group' ;
HOME        : 'home' ;
SHELL       : 'shell' ;
DIRS        : 'dirs' ;
DIR         : 'dir' ;
OWNER       : 'owner' ;
MODE        : 'mode' ;
CONFIG      : 'config' ;
FROM        : 'from' ;
TEXT        : 'text' ;
PORT        : 'port' ;
DOCKER      : 'docker' ;
BASE        : 'base' ;
BUILDER     : 'builder' ;
NIX         : 'nix' ;
PACKAGE     : 'package' ;
FUNCTION    : 'function' ;
SBOM        : 'sbom' ;
PLATFORMS   : 'platforms' ;
DIGEST      : 'digest' ;
PERSISTENT  : 'persistent' ;
SIZE        : 'size' ;
NIXPKGS     : 'nixpkgs' ;
SHA256      : 'sha256' ;
HEALTH      : 'health' ;
HTTP        : 'http' ;
TCP         : 'tcp' ;
NONE        : 'none' ;
RESOURCES   : 'resources' ;
CPU         : 'cpu' ;
MEMORY      : 'memory' ;
LIMIT       : 'limit' ;
K8S         : 'k8s' ;
REPLICAS    : 'replicas' ;
NAMESPACE   : 'namespace' ;
IMAGEPULLPOLICY : 'imagePullPolicy' ;
INIT        : 'init' ;
SMOKE       : 'smoke' ;
PACKAGES    : 'packages' ;
PROBE       : 'probe' ;
WITHOUT     : 'without' ;

LBRACE : '{' ;
RBRACE : '}' ;
EQUALS : '=' ;
SLASH  : '/' ;

// Raw text block: no escapes; indentation is stripped as in Java text blocks.
TEXT_BLOCK : '"""' .*? '"""' ;
// Escapes (\" \\ \n \t) are validated when the model is built, to point at the bad one.
STRING     : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
NUMBER     : [0-9]+ ;
IDENT      : [a-zA-Z_] [a-zA-Z0-9_.-]* ;

COMMENT    : '#' ~[\r\n]* -> skip ;
WS         : [ \t\r\n\f]+ -> skip ;

// Error tokens: the lexer never fails on its own, the parser reports these in the language's terms.
// (It cannot pass a closing """, so a terminated block is never taken for one.)
UNTERMINATED_TEXT_BLOCK : '"""' (~'"' | '"' ~'"' | '""' ~'"')* '"'? '"'? EOF ;
UNTERMINATED_STRING     : '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'? ;
UNEXPECTED_CHAR         : . ;
