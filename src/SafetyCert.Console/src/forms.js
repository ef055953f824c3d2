import { reactive, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { ApiProblem } from './api.js'

/**
 * One form's submission: runs the call, and on a ProblemDetails puts each field's message next to that field
 * (`errors.<field>`, bound to el-form-item's `error`) and the rest (title, detail) in `problem`.
 */
export function useSubmit() {
  const errors = reactive({})
  const problem = ref(null)
  const busy = ref(false)
  async function run(call, success) {
    for (const key of Object.keys(errors)) delete errors[key]
    problem.value = null
    busy.value = true
    try {
      const result = await call()
      if (success) ElMessage.success(typeof success === 'function' ? success(result) : success)
      return result
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e
      Object.assign(errors, e.fieldErrors)
      problem.value = e.problem
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { errors, problem, busy, run }
}

/** Loads data for a page, keeping its ProblemDetails (403, 404…) to show instead. */
export function useLoad(call) {
  const data = ref(null)
  const problem = ref(null)
  const loading = ref(false)
  async function load() {
    loading.value = true
    problem.value = null
    try {
      data.value = await call()
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e
      problem.value = e.problem
    } finally {
      loading.value = false
    }
    return data.value
  }
  return { data, problem, loading, load }
}
