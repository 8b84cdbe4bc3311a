/** "Type your own optimizer": the definition, its compiler and the one in force. */
export {
  CUSTOM_LIMITS,
  CUSTOM_TYPE,
  TYPED_LION,
  customOptimizerSchema,
  type CustomHyperparameter,
  type CustomOptimizerDefinition,
  type CustomStateVariable,
} from './definition';
export {
  compileCustomOptimizer,
  nameProblem,
  type CustomCompileResult,
  type CustomOptimizerError,
} from './compile';
export { customOptimizerDefinition, customOptimizerSpec, setCustomOptimizer } from './registry';
